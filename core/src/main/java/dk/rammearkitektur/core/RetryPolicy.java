package dk.rammearkitektur.core;

import java.time.Duration;
import java.util.Objects;
import java.util.function.DoubleSupplier;

/**
 * When and how often an operation is tried again: exponential backoff with full jitter, bounded by a maximum number
 * of attempts and a maximum delay. A policy only ever applies to operations marked idempotent; see
 * {@link #shouldRetry(int, boolean)}.
 *
 * <p>Immutable; build with {@link #builder()} or take {@link #defaults()} (3 attempts, 200 ms initial delay, factor
 * 2, at most 5 s) or {@link #none()}.
 *
 * @param maxAttempts total attempts including the first, at least 1
 * @param initialDelay the delay bound before the second attempt
 * @param multiplier how much the delay bound grows per attempt, at least 1
 * @param maxDelay the largest delay bound
 */
public record RetryPolicy(int maxAttempts, Duration initialDelay, double multiplier, Duration maxDelay) {

    /** Checks the settings; a bad setting throws {@link ValidationException} naming it. */
    public RetryPolicy {
        Violations v = Violations.at("retryPolicy");
        v.require(maxAttempts >= 1, "maxAttempts", "must be at least 1");
        if (v.require(initialDelay != null, "initialDelay", "must be set")) {
            v.require(!initialDelay.isNegative(), "initialDelay", "must not be negative");
        }
        v.require(multiplier >= 1.0 && Double.isFinite(multiplier), "multiplier", "must be a finite number >= 1");
        if (v.require(maxDelay != null, "maxDelay", "must be set") && initialDelay != null) {
            v.require(maxDelay.compareTo(initialDelay) >= 0, "maxDelay", "must be at least initialDelay");
        }
        v.throwIfAny();
    }

    /** 3 attempts, 200 ms initial delay, doubling, at most 5 s between attempts. */
    public static RetryPolicy defaults() {
        return new RetryPolicy(3, Duration.ofMillis(200), 2.0, Duration.ofSeconds(5));
    }

    /** One attempt only. */
    public static RetryPolicy none() {
        return new RetryPolicy(1, Duration.ZERO, 1.0, Duration.ZERO);
    }

    /** A builder starting from {@link #defaults()}. */
    public static Builder builder() {
        return new Builder(defaults());
    }

    /** A builder starting from this policy. */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /**
     * Whether to try again after {@code attemptsMade} failed attempts. Never for an operation that is not idempotent:
     * a send that may have reached the service is not repeated blindly.
     */
    public boolean shouldRetry(int attemptsMade, boolean idempotent) {
        return idempotent && attemptsMade < maxAttempts;
    }

    /**
     * The upper bound of the delay after {@code attemptsMade} failed attempts (1 for the first retry):
     * {@code min(maxDelay, initialDelay * multiplier^(attemptsMade-1))}.
     */
    public Duration delayBound(int attemptsMade) {
        if (attemptsMade < 1) {
            throw new IllegalArgumentException("attemptsMade must be at least 1");
        }
        double millis = initialDelay.toMillis() * Math.pow(multiplier, attemptsMade - 1.0);
        long bounded = (long) Math.min(maxDelay.toMillis(), millis);
        return Duration.ofMillis(bounded);
    }

    /**
     * The delay to wait after {@code attemptsMade} failed attempts, with full jitter: a uniformly random point in
     * {@code [0, delayBound]}. {@code random} supplies numbers in {@code [0, 1)}, so tests can make it deterministic.
     */
    public Duration delay(int attemptsMade, DoubleSupplier random) {
        Objects.requireNonNull(random, "random == null");
        double r = random.getAsDouble();
        if (!(r >= 0.0 && r < 1.0)) {
            throw new IllegalArgumentException("random must supply values in [0, 1)");
        }
        return Duration.ofMillis((long) Math.floor(delayBound(attemptsMade).toMillis() * r));
    }

    /** Builder for {@link RetryPolicy}. */
    public static final class Builder {
        private int maxAttempts;
        private Duration initialDelay;
        private double multiplier;
        private Duration maxDelay;

        private Builder(RetryPolicy from) {
            this.maxAttempts = from.maxAttempts;
            this.initialDelay = from.initialDelay;
            this.multiplier = from.multiplier;
            this.maxDelay = from.maxDelay;
        }

        /** Total attempts including the first. */
        public Builder maxAttempts(int maxAttempts) {
            this.maxAttempts = maxAttempts;
            return this;
        }

        /** The delay bound before the second attempt. */
        public Builder initialDelay(Duration initialDelay) {
            this.initialDelay = initialDelay;
            return this;
        }

        /** Growth of the delay bound per attempt. */
        public Builder multiplier(double multiplier) {
            this.multiplier = multiplier;
            return this;
        }

        /** The largest delay bound. */
        public Builder maxDelay(Duration maxDelay) {
            this.maxDelay = maxDelay;
            return this;
        }

        /** Builds the policy; bad settings throw {@link ValidationException}. */
        public RetryPolicy build() {
            return new RetryPolicy(maxAttempts, initialDelay, multiplier, maxDelay);
        }
    }
}
