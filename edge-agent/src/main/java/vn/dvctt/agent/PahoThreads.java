package vn.dvctt.agent;

import java.util.List;
import java.util.Set;
import java.util.concurrent.AbstractExecutorService;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.eclipse.paho.mqttv5.client.internal.CommsCallback;
import org.eclipse.paho.mqttv5.client.internal.CommsReceiver;
import org.eclipse.paho.mqttv5.client.internal.CommsSender;

/**
 * The executor Paho's client runs on: a new thread per task, as Paho does by itself, minus the 0.3 s
 * Paho waits on itself before every CONNECT.
 *
 * <p>Why: before sending CONNECT, Paho 1.2.5 starts its receiver, sender and callback one after the
 * other (ClientComms.ConnectBG), and after starting each it polls the component's "running" state
 * every 100 ms. It starts the thread while holding the lock the new thread needs to say it runs, so
 * the first poll always misses and every connect sat 3 × 100 ms on an open TCP connection: 0.3 s of
 * each reconnect after a village link comes back (seen in the link trace of {@code -Pbench-sync-link}).
 * Here a watcher on the timer thread wakes the connecting thread from that poll as soon as the
 * component runs. The wake-up is an interrupt, delivered only to a thread this executor started for
 * Paho's connect and only while it sleeps; Paho's poll swallows it and polls again. A late interrupt
 * can only cut another of those sleeps short: the connect thread does no interruptible I/O after the
 * socket is open, and its flag is cleared when its task ends.
 *
 * <p>Paho cancels the futures of its components when it stops them, then stops them through their
 * state. The futures returned here are not tied to the threads, so, as with Paho's own threads, no
 * component is ever interrupted (an interrupt would close the channel under a socket read). Timers
 * (the keep-alive check) run on the given scheduler instead of a new Timer thread per connection.
 */
final class PahoThreads extends AbstractExecutorService implements ScheduledExecutorService {

    /** How long the watcher waits for a component to run before leaving the connect to Paho's poll. */
    static final long WATCH_NANOS = TimeUnit.MILLISECONDS.toNanos(150);
    private static final long WATCH_STEP_MICROS = 500;

    private final ScheduledExecutorService timers;
    private final Set<Thread> taskThreads = ConcurrentHashMap.newKeySet();
    private volatile boolean shutdown;

    /** @param timers runs timed tasks and the watcher; shut down by its owner, not by {@link #shutdown()} */
    PahoThreads(ScheduledExecutorService timers) {
        this.timers = timers;
    }

    @Override
    public void execute(Runnable task) {
        rejectIfShutdown();
        Thread thread = new Thread(() -> {
            taskThreads.add(Thread.currentThread());
            try {
                task.run();
            } finally {
                taskThreads.remove(Thread.currentThread());
                Thread.interrupted(); // a wake-up that came after the last poll dies here
            }
        });
        thread.start();
    }

    @Override
    public Future<?> submit(Runnable task) {
        rejectIfShutdown();
        BooleanSupplier running = runningState(task);
        Thread starter = Thread.currentThread();
        new Thread(task).start(); // the component names its thread itself
        if (running != null && taskThreads.contains(starter)) {
            watch(running, starter, System.nanoTime() + WATCH_NANOS);
        }
        return new CompletableFuture<>(); // never done: Paho only ever cancels it
    }

    private static BooleanSupplier runningState(Runnable task) {
        if (task instanceof CommsReceiver receiver) {
            return receiver::isRunning;
        }
        if (task instanceof CommsSender sender) {
            return sender::isRunning;
        }
        if (task instanceof CommsCallback callback) {
            return callback::isRunning;
        }
        return null;
    }

    /** Wakes the starter once the component runs and the starter sleeps in Paho's poll. */
    private void watch(BooleanSupplier running, Thread starter, long deadline) {
        if (running.getAsBoolean() && starter.getState() == Thread.State.TIMED_WAITING && taskThreads.contains(starter)) {
            starter.interrupt();
            return;
        }
        if (System.nanoTime() - deadline < 0 && taskThreads.contains(starter)) {
            try {
                timers.schedule(() -> watch(running, starter, deadline), WATCH_STEP_MICROS, TimeUnit.MICROSECONDS);
            } catch (RejectedExecutionException e) {
                // the link is closing: Paho's own poll finishes the start
            }
        }
    }

    private void rejectIfShutdown() {
        if (shutdown) {
            throw new RejectedExecutionException("the MQTT link is closed");
        }
    }

    @Override
    public ScheduledFuture<?> schedule(Runnable command, long delay, TimeUnit unit) {
        rejectIfShutdown();
        return timers.schedule(command, delay, unit);
    }

    @Override
    public <V> ScheduledFuture<V> schedule(Callable<V> callable, long delay, TimeUnit unit) {
        rejectIfShutdown();
        return timers.schedule(callable, delay, unit);
    }

    @Override
    public ScheduledFuture<?> scheduleAtFixedRate(Runnable command, long initialDelay, long period, TimeUnit unit) {
        rejectIfShutdown();
        return timers.scheduleAtFixedRate(command, initialDelay, period, unit);
    }

    @Override
    public ScheduledFuture<?> scheduleWithFixedDelay(Runnable command, long initialDelay, long delay, TimeUnit unit) {
        rejectIfShutdown();
        return timers.scheduleWithFixedDelay(command, initialDelay, delay, unit);
    }

    @Override
    public void shutdown() {
        shutdown = true;
    }

    @Override
    public List<Runnable> shutdownNow() {
        shutdown = true;
        return List.of();
    }

    @Override
    public boolean isShutdown() {
        return shutdown;
    }

    /** Threads end with their tasks; the scheduler belongs to the caller. */
    @Override
    public boolean isTerminated() {
        return shutdown;
    }

    @Override
    public boolean awaitTermination(long timeout, TimeUnit unit) {
        return shutdown;
    }
}
