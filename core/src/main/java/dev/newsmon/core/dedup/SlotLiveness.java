package dev.newsmon.core.dedup;

/** Slots as the derived index tables hold them (low 32 bits): whether one is still remembered, and its number. */
interface SlotLiveness {

    /** True when the slot is written and not expired. */
    boolean live(int slotLow);

    /** The full slot number of a slot that may still be stored (the stored window is far below 2^32 slots). */
    long full(int slotLow);
}
