#!/bin/sh
# Starts Mosquitto with deploy/mosquitto/mosquitto.conf. On the first start (no dynamic security file in
# the data volume yet) creates it with the server's account as the plugin's administrator, exactly as
# deploy/README.md does by hand. Later starts keep the file: it holds every device account.
#   DVCTT_MQTT_PASSWORD  the server's broker password (required on the first start)
#   DVCTT_MQTT_USERNAME  default dvctt-server
#   MOSQUITTO_CONF       default /etc/mosquitto/mosquitto.conf
#   DYNSEC_FILE          default /var/lib/mosquitto/dynamic-security.json (= plugin_opt_config_file)
set -eu

conf="${MOSQUITTO_CONF:-/etc/mosquitto/mosquitto.conf}"
dynsec="${DYNSEC_FILE:-/var/lib/mosquitto/dynamic-security.json}"
data="$(dirname "$dynsec")"

if ! grep -qx "plugin_opt_config_file $dynsec" "$conf"; then
    echo "dvctt-mosquitto: $conf does not load $dynsec (plugin_opt_config_file)" >&2
    exit 2
fi

if [ ! -s "$dynsec" ]; then
    if [ -z "${DVCTT_MQTT_PASSWORD:-}" ]; then
        echo "dvctt-mosquitto: first start: set DVCTT_MQTT_PASSWORD (the server's broker password)" >&2
        exit 2
    fi
    mkdir -p "$data"
    mosquitto_ctrl dynsec init "$dynsec" "${DVCTT_MQTT_USERNAME:-dvctt-server}" "$DVCTT_MQTT_PASSWORD" >/dev/null
    echo "dvctt-mosquitto: created $dynsec with administrator ${DVCTT_MQTT_USERNAME:-dvctt-server}"
fi

# Mosquitto started as root drops to the mosquitto user, which must own its persistence and the plugin's file.
if [ "$(id -u)" = 0 ] && id mosquitto >/dev/null 2>&1; then
    chown mosquitto:mosquitto "$data" "$dynsec"
    chmod 0600 "$dynsec"
fi

exec mosquitto -c "$conf"
