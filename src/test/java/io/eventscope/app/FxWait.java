package io.eventscope.app;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import org.testfx.util.WaitForAsyncUtils;

/** Waiting in tests for the FX thread and for background tasks, with one patience for every test. */
public final class FxWait {
    private static final Duration PATIENCE = Duration.ofSeconds(10);

    private FxWait() {
    }

    /** Waits until the condition holds, letting pending FX events run before each check. */
    public static void waitUntil(BooleanSupplier condition) {
        try {
            WaitForAsyncUtils.waitFor(PATIENCE.toMillis(), TimeUnit.MILLISECONDS, () -> {
                WaitForAsyncUtils.waitForFxEvents();
                return condition.getAsBoolean();
            });
        } catch (TimeoutException e) {
            throw new AssertionError("condition not met within " + PATIENCE.toSeconds() + " s", e);
        }
    }

    /** Runs the action on the FX thread, where ViewModels live, and returns its result. */
    public static <T> T fx(Callable<T> action) {
        try {
            return WaitForAsyncUtils.asyncFx(action).get(PATIENCE.toMillis(), TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    /** Runs the action on the FX thread and waits for it to finish. */
    public static void fx(Runnable action) {
        fx(() -> {
            action.run();
            return null;
        });
    }
}
