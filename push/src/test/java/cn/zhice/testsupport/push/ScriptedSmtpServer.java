package cn.zhice.testsupport.push;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An SMTP server (RFC 5321) that answers {@code RCPT TO} with the reply a test scripts for a mailbox — 550 unknown
 * user, 451 try again later — and accepts every other message. GreenMail accepts every recipient and has no hook to
 * refuse one with a chosen reply code, which is what these tests need; it stays the server for everything else. The
 * push benchmark uses it as its mail server too: GreenMail delivers one message at a time into a mailbox per
 * recipient (a lookup over all users each time), which made 15,000 recipients its slowest provider by far.
 */
public final class ScriptedSmtpServer implements AutoCloseable {

    private final ServerSocket socket;
    private final Map<String, String> replies = new ConcurrentHashMap<>();
    private final java.util.Queue<String> accepted = new java.util.concurrent.ConcurrentLinkedQueue<>();
    private final Map<String, AtomicInteger> attempts = new ConcurrentHashMap<>();
    private final AtomicInteger sessions = new AtomicInteger();

    public ScriptedSmtpServer() throws IOException {
        socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(this::accept, "scripted-smtp");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    public int port() {
        return socket.getLocalPort();
    }

    /** Answers {@code RCPT TO:<mailbox>} with {@code reply} (e.g. {@code 550 5.1.1 User unknown}) until cleared. */
    public void refuse(String mailbox, String reply) {
        replies.put(mailbox.toLowerCase(), reply);
    }

    public void clear() {
        replies.clear();
        accepted.clear();
        attempts.clear();
        sessions.set(0);
    }

    /** Recipients of the messages accepted, in order. */
    public List<String> accepted() {
        return List.copyOf(accepted);
    }

    /** How many messages were accepted. */
    public int acceptedCount() {
        return accepted.size();
    }

    /** How often {@code mailbox} was named in a {@code RCPT TO}, accepted or not. */
    public int attempts(String mailbox) {
        AtomicInteger count = attempts.get(mailbox.toLowerCase());
        return count == null ? 0 : count.get();
    }

    /** SMTP sessions (connections) opened so far. */
    public int sessions() {
        return sessions.get();
    }

    private void accept() {
        while (!socket.isClosed()) {
            try {
                Socket client = socket.accept();
                sessions.incrementAndGet();
                Thread session = new Thread(() -> serve(client), "scripted-smtp-session");
                session.setDaemon(true);
                session.start();
            } catch (IOException e) {
                return; // closed
            }
        }
    }

    private void serve(Socket client) {
        try (client; BufferedReader in = new BufferedReader(new InputStreamReader(client.getInputStream(), StandardCharsets.UTF_8));
                OutputStream out = client.getOutputStream()) {
            reply(out, "220 smtp.example.gov.cn ESMTP");
            String recipient = null;
            String line;
            while ((line = in.readLine()) != null) {
                String command = line.length() >= 4 ? line.substring(0, 4).toUpperCase() : line.toUpperCase();
                switch (command) {
                    case "EHLO", "HELO" -> reply(out, "250 smtp.example.gov.cn");
                    case "MAIL" -> {
                        recipient = null;
                        reply(out, "250 2.1.0 Ok");
                    }
                    case "RCPT" -> {
                        String mailbox = line.substring(line.indexOf('<') + 1, line.lastIndexOf('>')).toLowerCase();
                        attempts.computeIfAbsent(mailbox, k -> new AtomicInteger()).incrementAndGet();
                        String refusal = replies.get(mailbox);
                        if (refusal != null) {
                            reply(out, refusal);
                        } else {
                            recipient = mailbox;
                            reply(out, "250 2.1.5 Ok");
                        }
                    }
                    case "DATA" -> {
                        if (recipient == null) {
                            reply(out, "554 5.5.1 Error: no valid recipients");
                            break;
                        }
                        reply(out, "354 End data with <CR><LF>.<CR><LF>");
                        while ((line = in.readLine()) != null && !line.equals(".")) {
                            // the message body is not looked at
                        }
                        accepted.add(recipient);
                        recipient = null;
                        reply(out, "250 2.0.0 Ok: queued");
                    }
                    case "RSET" -> {
                        recipient = null;
                        reply(out, "250 2.0.0 Ok");
                    }
                    case "NOOP" -> reply(out, "250 2.0.0 Ok");
                    case "QUIT" -> {
                        reply(out, "221 2.0.0 Bye");
                        return;
                    }
                    default -> reply(out, "502 5.5.2 Error: command not recognized");
                }
            }
        } catch (IOException e) {
            // the client went away
        }
    }

    private static void reply(OutputStream out, String line) throws IOException {
        out.write((line + "\r\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
