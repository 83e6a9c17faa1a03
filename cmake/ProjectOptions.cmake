# Build options as INTERFACE targets (cpp-best-practices style): every project target links
# portal_options (language level, sanitizers) and portal_warnings.
add_library(portal_options INTERFACE)
add_library(portal_warnings INTERFACE)

target_compile_features(portal_options INTERFACE cxx_std_20)
# Debian's libpqxx 6.4 config lacks this, which compiles out std::optional support.
target_compile_definitions(portal_options INTERFACE PQXX_HAVE_OPTIONAL)

target_compile_options(portal_warnings INTERFACE
  -Wall -Wextra -Wpedantic -Wshadow -Wnon-virtual-dtor -Wcast-align -Wunused
  -Woverloaded-virtual -Wimplicit-fallthrough)
if(PORTAL_WARNINGS_AS_ERRORS)
  target_compile_options(portal_warnings INTERFACE -Werror)
endif()

if(PORTAL_SANITIZERS)
  target_compile_options(portal_options INTERFACE -fsanitize=address,undefined -fno-omit-frame-pointer)
  target_link_options(portal_options INTERFACE -fsanitize=address,undefined)
endif()
