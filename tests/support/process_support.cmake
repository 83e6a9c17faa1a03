# Library `test_process_support` (tests/support/process.h, http_client.h, server_process.h):
# child processes, a raw HTTP client and a portal-server runner for the pg and http tests.
# Included by every tests/ subdirectory that needs it; defined once.
include_guard(GLOBAL)

add_library(test_process_support STATIC
  ${CMAKE_CURRENT_LIST_DIR}/process.cpp
  ${CMAKE_CURRENT_LIST_DIR}/http_client.cpp
  ${CMAKE_CURRENT_LIST_DIR}/server_process.cpp)
target_link_libraries(test_process_support
  PUBLIC test_support nlohmann_json::nlohmann_json portal_options
  PRIVATE portal_warnings)
# Tests using it run the programs; build them first so ctest never runs stale binaries.
add_dependencies(test_process_support portal-server portal-indexer)
