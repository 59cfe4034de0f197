#!/usr/bin/env bash
# Kernel-level reference for the link emulator: a network namespace joined to the host by a veth pair, each end shaped
# with tc netem (egress only, so both ends are shaped to cover both directions). For manual use; needs root.
# usage: tools/netem-profile.sh up 5g|4g|degraded   create (or re-shape) namespace emlink: host 10.77.0.1, namespace 10.77.0.2
#        tools/netem-profile.sh hole SECONDS        a coverage hole: drop everything for SECONDS, then restore the profile
#        tools/netem-profile.sh down                remove the namespace (the veth pair goes with it)
# then e.g.: ip netns exec emlink dotnet run --project <gateway> -- --server http://10.77.0.1:5080
# (the server must listen on 10.77.0.1 or 0.0.0.0, not only on 127.0.0.1).
set -euo pipefail
ns=emlink; host=emlink0; peer=emlink1
state=/run/emlink-profile

# Same figures as tools/EmergencyLink.LinkEmulator/LinkProfiles.cs. Bursty loss is netem's Gilbert model:
# p = enter bad state, r = leave it; degraded: mean loss 2 % in bursts of 4 packets gives r = 25 %, p = 0.02 * 0.25 / 0.98.
netem_args() {
  case "$1" in
    5g) echo "delay 5ms 2ms loss 0.01% rate 50mbit" ;;
    4g) echo "delay 50ms 20ms loss 0.5% rate 4mbit" ;;
    degraded) echo "delay 80ms 40ms loss gemodel 0.51% 25% rate 1500kbit" ;;
    *) echo "unknown profile '$1' (5g, 4g, degraded)" >&2; exit 2 ;;
  esac
}

shape() {
  tc qdisc replace dev "$host" root netem $1
  ip netns exec "$ns" tc qdisc replace dev "$peer" root netem $1
}

case "${1:-}" in
  up)
    args=$(netem_args "${2:?profile}")
    if ! ip netns list | grep -qw "$ns"; then
      ip netns add "$ns"
      ip link add "$host" type veth peer name "$peer"
      ip link set "$peer" netns "$ns"
      ip addr add 10.77.0.1/24 dev "$host"
      ip link set "$host" up
      ip netns exec "$ns" ip addr add 10.77.0.2/24 dev "$peer"
      ip netns exec "$ns" ip link set "$peer" up
      ip netns exec "$ns" ip link set lo up
    fi
    shape "$args"
    echo "$2" >"$state"
    echo "namespace $ns shaped as $2: $args (each direction)"
    ;;
  hole)
    profile=$(cat "$state")
    shape "loss 100%"
    sleep "${2:?seconds}"
    shape "$(netem_args "$profile")"
    ;;
  down)
    ip netns del "$ns" 2>/dev/null || true
    rm -f "$state"
    ;;
  *)
    sed -n '4,8p' "$0" >&2
    exit 2
    ;;
esac
