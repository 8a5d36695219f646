package dev.todo.support;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

/**
 * Free TCP ports for the servers a test starts, so that several builds can run on one machine at once.
 *
 * <p>The ports come from below Linux's ephemeral range (32768-60999): the kernel hands ports of that range to every
 * outgoing connection and to every bind to port 0, so a port picked there could be taken again, by a client socket
 * or by another test class running at the same time, before the server that was meant to have it binds it. Within
 * one test JVM no port is handed out twice; each JVM starts at a point of the range of its own.
 */
public final class Ports {

    private static final int FIRST = 20_000;
    private static final int COUNT = 12_000;

    private static int next = (int) (ProcessHandle.current().pid() * 7919 % COUNT);

    private Ports() {}

    /** A port nothing listens on at the moment and no earlier call returned; the caller binds it soon after. */
    public static synchronized int free() {
        for (int tried = 0; tried < COUNT; tried++) {
            int port = FIRST + next;
            next = (next + 1) % COUNT;
            if (bindable(port)) {
                return port;
            }
        }
        throw new IllegalStateException("no free port between " + FIRST + " and " + (FIRST + COUNT - 1));
    }

    /** Bound on every address, as Liberty binds {@code *}, so a listener on any one address counts as taken. */
    private static boolean bindable(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(false);
            socket.bind(new InetSocketAddress(port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
