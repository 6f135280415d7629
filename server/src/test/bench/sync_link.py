#!/usr/bin/env python3
"""Shaped-link harness for SyncLinkBenchmark (needs root, Linux, /dev/net/tun, iproute2).

Builds two network namespaces, a server side and a village agent side, joined by a point-to-point
link this process emulates in user space: the kernel here has no netem, so delay and random loss
are done on two TUN devices (one in each namespace) whose packets this process forwards. Each
direction gets: random loss, a rate limit with a tail-drop queue (like tbf), then a fixed delay.
The link can be cut ("down": every packet dropped, also those already on the wire) through a FIFO.

Then it runs the Java benchmark inside the server namespace and always removes the namespaces and
devices, whatever happens (normal end, failure, Ctrl-C, SIGTERM).

usage: sync_link.py <java> <classpath> <agent jar> ["-Dbench.x=y ..." for SyncLinkBenchmark]
link settings from the environment: BENCH_LINK_KBIT, BENCH_LINK_DELAY_MS, BENCH_LINK_LOSS,
BENCH_LINK_QUEUE_MS, BENCH_TCP_CC (bbr or reno), BENCH_SERVER_JVM (default -Xmx512m);
BENCH_LINK_TRACE=<file> writes a line every BENCH_LINK_TRACE_MS (default 100) ms: seconds since the
link came up, bytes delivered down and up so far, 1 while cut; to see where the link sat idle
"""
import fcntl
import heapq
import os
import random
import select
import signal
import struct
import subprocess
import sys
import tempfile
import threading
import time

SRV_NS = "dvctt-bench-srv"
AGT_NS = "dvctt-bench-agt"
SRV_TUN = "dvbench-s"
AGT_TUN = "dvbench-a"
SRV_IP = "10.213.0.1"
AGT_IP = "10.213.0.2"

RATE_KBIT = int(os.environ.get("BENCH_LINK_KBIT", "4000"))
DELAY_MS = float(os.environ.get("BENCH_LINK_DELAY_MS", "100"))      # one way, so RTT = 2x
LOSS = float(os.environ.get("BENCH_LINK_LOSS", "0.01"))             # per packet, each direction
QUEUE_MS = float(os.environ.get("BENCH_LINK_QUEUE_MS", "400"))      # like tbf's latency 400ms
CC = os.environ.get("BENCH_TCP_CC", "")                             # bbr or reno; empty: host default
TRACE = os.environ.get("BENCH_LINK_TRACE", "")
TRACE_STEP = float(os.environ.get("BENCH_LINK_TRACE_MS", "100")) / 1000.0

TUNSETIFF = 0x400454CA
IFF_TUN = 0x0001
IFF_NO_PI = 0x1000


def log(message):
    print("link: " + message, file=sys.stderr, flush=True)


def run(*args, check=True):
    return subprocess.run(list(args), check=check, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)


def open_tun(name):
    fd = os.open("/dev/net/tun", os.O_RDWR | os.O_NONBLOCK)
    fcntl.ioctl(fd, TUNSETIFF, struct.pack("16sH", name.encode(), IFF_TUN | IFF_NO_PI))
    return fd


class Direction:
    """One way of the link: loss, then a rate-limited tail-drop queue, then a fixed delay."""

    def __init__(self, name, out_fd, rng):
        self.name = name
        self.out_fd = out_fd
        self.rng = rng
        self.rate = RATE_KBIT * 1000 / 8.0  # bytes per second
        self.limit = self.rate * QUEUE_MS / 1000.0
        self.busy_until = 0.0
        self.line = []  # heap of (deliver_at, seq, packet)
        self.seq = 0
        self.bytes = self.packets = 0
        self.lost_random = self.lost_queue = self.lost_cut = 0

    def arrive(self, packet, now, down):
        if down:
            self.lost_cut += 1
            return
        if self.rng.random() < LOSS:
            self.lost_random += 1
            return
        queued = max(0.0, self.busy_until - now) * self.rate
        if queued + len(packet) > self.limit:
            self.lost_queue += 1
            return
        self.busy_until = max(now, self.busy_until) + len(packet) / self.rate
        self.seq += 1
        heapq.heappush(self.line, (self.busy_until + DELAY_MS / 1000.0, self.seq, packet))

    def deliver(self, now, down):
        while self.line and self.line[0][0] <= now:
            _, _, packet = heapq.heappop(self.line)
            if down:
                self.lost_cut += 1
                continue
            try:
                os.write(self.out_fd, packet)
                self.bytes += len(packet)
                self.packets += 1
            except BlockingIOError:
                self.lost_queue += 1

    def next_due(self):
        return self.line[0][0] if self.line else None

    def stats(self):
        return (f"{self.name}_bytes={self.bytes} {self.name}_packets={self.packets} "
                f"{self.name}_lost_random={self.lost_random} {self.name}_lost_queue={self.lost_queue} "
                f"{self.name}_lost_cut={self.lost_cut}")


class Link(threading.Thread):
    def __init__(self, srv_fd, agt_fd, control, stats_path):
        super().__init__(daemon=True)
        rng = random.Random(int(os.environ.get("BENCH_LINK_SEED", "1")))
        self.fds = {srv_fd: Direction("down", agt_fd, rng), agt_fd: Direction("up", srv_fd, rng)}
        self.control = control
        self.stats_path = stats_path
        self.down = False
        self.stopping = False

    def write_stats(self):
        tmp = self.stats_path + ".tmp"
        with open(tmp, "w") as f:
            f.write(" ".join(d.stats() for d in self.fds.values()) + f" cut={int(self.down)}\n")
        os.replace(tmp, self.stats_path)

    def run(self):
        ctl = os.open(self.control, os.O_RDWR | os.O_NONBLOCK)  # RDWR: never sees EOF when writers go
        pending = b""
        last_stats = 0.0
        trace = open(TRACE, "w") if TRACE else None
        started = last_trace = time.monotonic()
        while not self.stopping:
            now = time.monotonic()
            dues = [d.next_due() for d in self.fds.values() if d.next_due() is not None]
            timeout = max(0.0, min(dues) - now) if dues else 0.2
            readable, _, _ = select.select(list(self.fds) + [ctl], [], [], min(timeout, 0.2))
            now = time.monotonic()
            for fd in readable:
                if fd == ctl:
                    pending += os.read(ctl, 4096)
                    while b"\n" in pending:
                        line, pending = pending.split(b"\n", 1)
                        command = line.decode().strip()
                        if command in ("down", "up"):
                            self.down = command == "down"
                        self.write_stats()  # also an acknowledgement of the command
                    continue
                direction = self.fds[fd]
                for _ in range(256):
                    try:
                        packet = os.read(fd, 65536)
                    except BlockingIOError:
                        break
                    except OSError:
                        return  # the device went away with its namespace
                    direction.arrive(packet, now, self.down)
            for direction in self.fds.values():
                direction.deliver(now, self.down)
            if now - last_stats >= 0.5:
                self.write_stats()
                last_stats = now
            if trace and now - last_trace >= TRACE_STEP:
                down, up = self.fds.values()
                trace.write(f"{now - started:.2f} {down.bytes} {up.bytes} {int(self.down)}\n")
                trace.flush()
                last_trace = now
        if trace:
            trace.close()


def cleanup():
    for ns in (SRV_NS, AGT_NS):
        run("ip", "netns", "del", ns, check=False)


def main():
    if os.geteuid() != 0:
        log("needs root (network namespaces and TUN devices); not run")
        return 1
    java, classpath, agent_jar = sys.argv[1:4]
    extra = " ".join(sys.argv[4:]).split()
    cleanup()  # leftovers of a run that was killed hard
    work = tempfile.mkdtemp(prefix="dvctt-sync-link-")
    control = os.path.join(work, "link.ctl")
    stats = os.path.join(work, "link.stats")
    os.mkfifo(control)
    child = None

    def on_signal(signum, frame):
        raise KeyboardInterrupt()

    signal.signal(signal.SIGTERM, on_signal)
    try:
        for ns in (SRV_NS, AGT_NS):
            run("ip", "netns", "add", ns)
            run("ip", "-n", ns, "link", "set", "lo", "up")
        srv_fd = open_tun(SRV_TUN)
        agt_fd = open_tun(AGT_TUN)
        for name, ns, me, peer in ((SRV_TUN, SRV_NS, SRV_IP, AGT_IP), (AGT_TUN, AGT_NS, AGT_IP, SRV_IP)):
            run("ip", "link", "set", "dev", name, "netns", ns)
            run("ip", "-n", ns, "addr", "add", me + "/32", "peer", peer + "/32", "dev", name)
            run("ip", "-n", ns, "link", "set", "dev", name, "up")
        if CC:
            for ns in (SRV_NS, AGT_NS):
                run("ip", "netns", "exec", ns, "sysctl", "-q", "-w", "net.ipv4.tcp_congestion_control=" + CC)
        cc = subprocess.run(["ip", "netns", "exec", SRV_NS, "sysctl", "-n", "net.ipv4.tcp_congestion_control"],
                            capture_output=True, text=True).stdout.strip()
        link = Link(srv_fd, agt_fd, control, stats)
        link.write_stats()
        link.start()
        log(f"{RATE_KBIT} kbit/s, {DELAY_MS:.0f} ms each way, {LOSS * 100:.1f} % loss each way, "
            f"queue {QUEUE_MS:.0f} ms, TCP congestion control of the server side: {cc}")
        command = ["ip", "netns", "exec", SRV_NS, java] + os.environ.get("BENCH_SERVER_JVM", "-Xmx512m").split() + [
            "-Dbench.link.control=" + control, "-Dbench.link.stats=" + stats,
            "-Dbench.link.kbit=" + str(RATE_KBIT), "-Dbench.link.delay.ms=" + str(DELAY_MS),
            "-Dbench.link.loss=" + str(LOSS), "-Dbench.link.cc=" + cc,
            "-Dbench.agent.ns=" + AGT_NS, "-Dbench.server.ip=" + SRV_IP,
            *extra, "-classpath", classpath, "vn.dvctt.bench.SyncLinkBenchmark", agent_jar]
        child = subprocess.Popen(command)
        code = child.wait()
        child = None
        link.stopping = True
        return code
    except KeyboardInterrupt:
        log("interrupted")
        return 130
    finally:
        if child is not None:
            child.terminate()
            try:
                child.wait(20)
            except subprocess.TimeoutExpired:
                child.kill()
        # the agent was started inside its namespace by the benchmark: make sure nothing outlives us
        pids = []
        for ns in (AGT_NS, SRV_NS):
            pids += subprocess.run(["ip", "netns", "pids", ns], capture_output=True, text=True).stdout.split()
        for pid in pids:
            try:
                os.kill(int(pid), signal.SIGKILL)
            except (ProcessLookupError, ValueError):
                pass
        cleanup()
        for path in (control, stats):
            if os.path.exists(path):
                os.unlink(path)
        os.rmdir(work) if not os.listdir(work) else None


if __name__ == "__main__":
    sys.exit(main())
