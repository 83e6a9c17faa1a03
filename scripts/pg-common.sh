# Sourced by the scripts that run a private PostgreSQL cluster. Sets `bin` to the folder of
# the server binaries and defines as_owner, which runs a command as the cluster's owner:
# the postgres user when called as root (initdb and pg_ctl refuse root), else the caller.

if command -v pg_config >/dev/null 2>&1 && [[ -x "$(pg_config --bindir)/initdb" ]]; then
  bin=$(pg_config --bindir)
else
  bin=/usr/lib/postgresql/15/bin
fi
[[ -x $bin/initdb && -x $bin/pg_ctl ]] || { echo "$0: PostgreSQL server binaries not found in $bin" >&2; exit 1; }

export LANG=C.UTF-8 LC_ALL=C.UTF-8

as_owner() {
  if [[ $(id -u) -eq 0 ]]; then
    runuser -u postgres -- env LANG=C.UTF-8 LC_ALL=C.UTF-8 "$@"
  else
    "$@"
  fi
}
