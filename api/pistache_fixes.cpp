// Two fixes to the Debian build of Pistache 0.0.5, applied by symbol interposition: these
// definitions replace the library's own (libpistache.so calls both through its PLT, so the
// dynamic linker binds those calls to the executable's definitions). tests/api/http_test.cpp
// checks both behaviours against the running server, so a Pistache upgrade that stops
// routing the calls here fails the tests instead of silently regressing.
//
// 1. Uri::Query::add keeps only the first value of a repeated parameter
//    (`interest=walking&interest=music`), but the contract allows repeated parameters and HTML
//    forms send checkbox groups that way. Here repeated values are joined with a comma, the
//    contract's other list syntax.
// 2. CookieJar::addFromRaw throws on a cookie without a value (`Cookie: a=b; c`), which makes
//    Pistache answer every such request with 500 before routing. The portal uses no cookies;
//    here malformed pairs are skipped.
#include <pistache/cookie.h>
#include <pistache/http.h>

namespace Pistache::Http {

void Uri::Query::add(std::string name, std::string value) {
  auto [it, inserted] = params.emplace(std::move(name), value);
  if (!inserted) {
    it->second += ',';
    it->second += value;
  }
}

void CookieJar::addFromRaw(const char* str, size_t len) {
  std::string_view raw(str, len);
  while (!raw.empty()) {
    const size_t end = std::min(raw.find(';'), raw.size());
    std::string_view pair = raw.substr(0, end);
    raw.remove_prefix(end == raw.size() ? end : end + 1);
    while (!pair.empty() && pair.front() == ' ') pair.remove_prefix(1);
    const size_t eq = pair.find('=');
    if (eq == std::string_view::npos || eq == 0) continue;
    add(Cookie(std::string(pair.substr(0, eq)), std::string(pair.substr(eq + 1))));
  }
}

}  // namespace Pistache::Http
