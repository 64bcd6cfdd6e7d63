package dk.rammearkitektur.clients.digitalpost.memo.internal;

import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * A few reusable byte arrays of one size, so that each MeMo write does not allocate (and the JVM zero) its large
 * buffers again. Bounded: at most the given number of arrays is kept, whatever the number of threads; a taker finds
 * none free gets a new array. An array is owned by its taker until it is given back, so callers never share one.
 */
public final class BufferPool {
    private final int size;
    private final AtomicReferenceArray<byte[]> slots;

    /** A pool of arrays of {@code size} bytes that keeps at most {@code kept} of them. */
    public BufferPool(int size, int kept) {
        if (size <= 0 || kept <= 0) {
            throw new IllegalArgumentException("size and kept must be positive");
        }
        this.size = size;
        this.slots = new AtomicReferenceArray<>(kept);
    }

    /** An array of the pool's size, for the caller alone until {@link #give}; its contents are unspecified. */
    public byte[] take() {
        for (int i = 0; i < slots.length(); i++) {
            byte[] b = slots.getAndSet(i, null);
            if (b != null) {
                return b;
            }
        }
        return new byte[size];
    }

    /** Gives {@code b} back; kept if a slot is free, else left to the garbage collector. The caller must not use it. */
    public void give(byte[] b) {
        if (b == null || b.length != size) {
            return;
        }
        for (int i = 0; i < slots.length(); i++) {
            if (slots.get(i) == null && slots.compareAndSet(i, null, b)) {
                return;
            }
        }
    }
}
