#!/bin/sh
# DVCTT edge agent on Linux (Debian/Ubuntu and the like), as root:
#
#   sh install.sh install dvctt-edge-agent.jar https://dvctt.example.vn ABCD-EFGH-JKLM-NPQR-STUV
#   sh install.sh upgrade dvctt-edge-agent.jar     # new release; rolls back by itself if it does not stay up
#   sh install.sh rollback                          # back to the release before
#
# Layout: releases under /opt/dvctt-agent/releases/<sha256-prefix>/, the one running is the symlink
# /opt/dvctt-agent/current; config /etc/dvctt-agent/agent.properties; journal, content store and logs
# under /var/lib/dvctt-agent. Upgrades and rollbacks only move the symlink: data and config stay.
set -eu

PREFIX="${DVCTT_AGENT_PREFIX:-/opt/dvctt-agent}"
CONF_DIR="${DVCTT_AGENT_CONF_DIR:-/etc/dvctt-agent}"
DATA_DIR="${DVCTT_AGENT_DATA_DIR:-/var/lib/dvctt-agent}"
UNIT_DIR="${DVCTT_AGENT_UNIT_DIR:-/etc/systemd/system}"
USER_NAME=dvctt-agent
HERE="$(cd "$(dirname "$0")" && pwd)"

die() { echo "dvctt-agent: $*" >&2; exit 1; }

add_release() {
    jar="$1"
    [ -f "$jar" ] || die "no such jar: $jar"
    id="$(sha256sum "$jar" | cut -c1-12)"
    mkdir -p "$PREFIX/releases/$id"
    install -m 0644 "$jar" "$PREFIX/releases/$id/dvctt-edge-agent.jar"
    echo "$id"
}

switch_to() {
    # remember where we were, then point current at the release (atomically: rename over the link)
    if [ -L "$PREFIX/current" ]; then
        ln -sfn "$(readlink "$PREFIX/current")" "$PREFIX/previous"
    fi
    ln -sfn "releases/$1" "$PREFIX/current.new"
    mv -T "$PREFIX/current.new" "$PREFIX/current"
}

stays_up() {
    systemctl restart dvctt-agent
    sleep "${DVCTT_AGENT_CHECK_SECONDS:-20}"
    systemctl is-active --quiet dvctt-agent && [ "$(systemctl show -p NRestarts --value dvctt-agent)" = 0 ]
}

case "${1:-}" in
install)
    [ $# -eq 4 ] || die "usage: install.sh install <jar> <server-url> <enrollment-code>"
    command -v java >/dev/null || die "Java 17 or newer is needed: apt-get install openjdk-17-jre-headless"
    id "$USER_NAME" >/dev/null 2>&1 || useradd --system --home-dir "$DATA_DIR" --shell /usr/sbin/nologin "$USER_NAME"
    install -d -o "$USER_NAME" -g "$USER_NAME" -m 0750 "$DATA_DIR" "$CONF_DIR"
    release="$(add_release "$2")"
    switch_to "$release"
    install -m 0644 "$HERE/README.md" "$PREFIX/README.md" 2>/dev/null || true
    conf="$CONF_DIR/agent.properties"
    if [ ! -f "$conf" ]; then
        # enrollment adds the broker URL, device id and credentials to this file and keeps data.dir
        printf 'data.dir=%s\n' "$DATA_DIR" > "$conf"
        chown "$USER_NAME:$USER_NAME" "$conf"
        chmod 0600 "$conf"
    fi
    # the one-line enrollment, as the service's user so the file stays its own
    su -s /bin/sh "$USER_NAME" -c "java -jar '$PREFIX/current/dvctt-edge-agent.jar' enroll '$3' '$4' '$conf'" \
        || die "enrollment refused (see the message above); nothing else changed, run install again with a new code"
    install -m 0644 "$HERE/dvctt-agent.service" "$UNIT_DIR/dvctt-agent.service"
    systemctl daemon-reload
    systemctl enable --now dvctt-agent
    echo "dvctt-agent: installed release $release and started; journalctl -u dvctt-agent"
    ;;
upgrade)
    [ $# -eq 2 ] || die "usage: install.sh upgrade <jar>"
    release="$(add_release "$2")"
    switch_to "$release"
    if stays_up; then
        echo "dvctt-agent: now on release $release"
    else
        echo "dvctt-agent: release $release did not stay up; rolling back" >&2
        ln -sfn "$(readlink "$PREFIX/previous")" "$PREFIX/current.new" && mv -T "$PREFIX/current.new" "$PREFIX/current"
        systemctl restart dvctt-agent
        exit 1
    fi
    ;;
rollback)
    [ -L "$PREFIX/previous" ] || die "no previous release to go back to"
    back="$(readlink "$PREFIX/previous")"
    ln -sfn "$(readlink "$PREFIX/current")" "$PREFIX/previous"
    ln -sfn "$back" "$PREFIX/current.new"
    mv -T "$PREFIX/current.new" "$PREFIX/current"
    systemctl restart dvctt-agent
    echo "dvctt-agent: back on $back"
    ;;
*)
    die "usage: install.sh install <jar> <server-url> <code> | upgrade <jar> | rollback"
    ;;
esac
