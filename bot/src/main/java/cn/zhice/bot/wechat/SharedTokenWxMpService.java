package cn.zhice.bot.wechat;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Lock;
import me.chanjar.weixin.common.error.WxErrorException;
import me.chanjar.weixin.common.error.WxRuntimeException;
import me.chanjar.weixin.mp.api.impl.WxMpServiceImpl;
import me.chanjar.weixin.mp.config.WxMpConfigStorage;

/**
 * WxJava's service with the access_token refresh checked again once the shared lock is held. WxJava 4.7 checks
 * for a fresh token only before taking its Redis lock, so an instance that was waiting for the lock fetched a second
 * token right after another instance's refresh, which also invalidates the first one (WeChat keeps one token valid
 * at a time, and allows 2,000 fetches a day). Here the waiting instance takes the token the other one stored. A
 * failed fetch makes this instance fail fast for a few seconds rather than pile onto the lock.
 */
final class SharedTokenWxMpService extends WxMpServiceImpl {

    /** How long a caller waits for another instance's refresh before giving up. */
    private static final Duration LOCK_PATIENCE = Duration.ofSeconds(5);
    /**
     * After a failed fetch, callers fail at once for this long instead of queueing on the lock: when WeChat is
     * unreachable, every late answer would otherwise poll the shared lock and slow every other Redis command.
     */
    static final Duration BACK_OFF = Duration.ofSeconds(10);

    private volatile long failedAt;
    private volatile boolean failed;

    @Override
    public String getAccessToken(boolean forceRefresh) throws WxErrorException {
        WxMpConfigStorage account = getWxMpConfigStorage();
        String seen = account.getAccessToken();
        if (!forceRefresh && !account.isAccessTokenExpired()) {
            return seen;
        }
        if (failed && System.nanoTime() - failedAt < BACK_OFF.toNanos()) {
            throw new WxRuntimeException("access_token unavailable: the last fetch failed less than " + BACK_OFF + " ago");
        }
        Lock lock = account.getAccessTokenLock();
        long deadline = System.nanoTime() + LOCK_PATIENCE.toNanos();
        try {
            // As WxJava does: short tries, taking a token another instance stored meanwhile, never waiting forever.
            while (!lock.tryLock(100, TimeUnit.MILLISECONDS)) {
                if (!forceRefresh && !account.isAccessTokenExpired()) {
                    return account.getAccessToken();
                }
                if (System.nanoTime() > deadline) {
                    throw new WxRuntimeException("Waited " + LOCK_PATIENCE + " for the access_token lock");
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new WxRuntimeException(e);
        }
        try {
            String current = account.getAccessToken();
            // A forced refresh is done when another instance replaced the token this one found invalid.
            if (!account.isAccessTokenExpired() && (!forceRefresh || !Objects.equals(current, seen))) {
                return current;
            }
            // WxJava's Redis lock is reentrant for the thread holding it, so the refresh below runs under this lock.
            String fetched = super.getAccessToken(true);
            failed = false;
            return fetched;
        } catch (WxErrorException | RuntimeException e) {
            failedAt = System.nanoTime();
            failed = true;
            throw e;
        } finally {
            lock.unlock();
        }
    }
}
