// The HTTP floor: a plain Pistache endpoint on 127.0.0.1 that answers every GET with a fixed
// small JSON body and does no other work, with portal-server's Pistache options and default
// thread count. Loaded with the same wrk settings as portal-server, it shows what HTTP alone
// costs on this machine.
#pragma once

namespace portal::bench {

// Serves until SIGTERM or SIGINT; returns the exit status. threads 0: portal-server's default.
int run_floor_server(int port, int threads);

}  // namespace portal::bench
