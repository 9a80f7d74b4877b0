package dk.amu.catalogue.notifier.warnings;

import dk.amu.catalogue.notifier.matching.SubscriptionIndexSync;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Looks at every link that ends ahead, at start-up and each day shortly after midnight in
 * Copenhagen: a lead time passes with the date, not with an event. Tests call {@link #runOnce()}
 * after moving the clock. Every instance runs it; the runs take turns ({@link WarningLock}), and a
 * warning's id makes the later run record nothing the earlier one did.
 */
@Component
public class WarningRun implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(WarningRun.class);

    private final ExpiryWarnings warnings;

    private final SubscriptionIndexSync subscriptions;

    private final WarningLock lock;

    WarningRun(ExpiryWarnings warnings, SubscriptionIndexSync subscriptions, WarningLock lock) {
        this.warnings = warnings;
        this.subscriptions = subscriptions;
        this.lock = lock;
    }

    public void runOnce() {
        lock.alone(() -> {
            subscriptions.refresh();
            warnings.warnEach();
        });
    }

    @Scheduled(cron = "0 5 0 * * *", zone = "Europe/Copenhagen")
    void daily() {
        runOnce();
    }

    @Override
    public void run(ApplicationArguments args) {
        try {
            runOnce();
        }
        catch (RuntimeException ex) {
            log.warn("Expiry warnings could not be computed at start-up; the daily run tries again: {}", ex.toString());
        }
    }
}
