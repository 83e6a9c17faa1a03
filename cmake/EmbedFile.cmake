# Script mode: turn IN into a C++ source defining std::string_view NS::NAME().
file(READ ${IN} hex HEX)
string(LENGTH "${hex}" hex_len)
math(EXPR size "${hex_len} / 2")
string(REGEX REPLACE "([0-9a-f][0-9a-f])" "'\\\\x\\1'," bytes "${hex}")
string(REGEX REPLACE "((('\\\\x[0-9a-f][0-9a-f]',){32}))" "\\1\n" bytes "${bytes}")
file(WRITE ${OUT} "// Generated from ${IN}\n#include <string_view>\nnamespace ${NS} {\nnamespace {\nconst char data[] = {\n${bytes}'\\0'};\n}\nstd::string_view ${NAME}() { return {data, ${size}}; }\n}\n")
