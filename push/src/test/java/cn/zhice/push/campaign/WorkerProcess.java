package cn.zhice.push.campaign;

import cn.zhice.push.PushTestApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;

/**
 * The push worker as a process of its own, for {@link OutboxKillIT}: the module on the database, Redis and provider
 * stand-ins named by its {@code --name=value} arguments, sending until the test kills it with SIGKILL.
 */
public final class WorkerProcess {

    static final String READY = "push worker process ready";

    private WorkerProcess() {}

    public static void main(String[] args) throws InterruptedException {
        new SpringApplicationBuilder(PushTestApplication.class).web(WebApplicationType.NONE).run(args);
        System.out.println(READY);
        System.out.flush();
        Thread.currentThread().join();
    }
}
