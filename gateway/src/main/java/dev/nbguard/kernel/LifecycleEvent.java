package dev.nbguard.kernel;

/** What happened to a kernel, as told to a {@link KernelLifecycleListener}. */
public enum LifecycleEvent {
  /** The kernel answered kernel_info and IOPub works. */
  STARTED,
  /** A requested restart began (no synthetic status: clients asked for it). */
  RESTARTING,
  /** The restarted kernel answers again. */
  RESTARTED,
  /** The process exited or the heartbeat stopped (synthetic {@code status: dead} attached). */
  DIED,
  /** Shut down on request; the kernel is gone from the manager. */
  SHUT_DOWN,
  /** Shut down by the idle culler; the kernel is gone from the manager. */
  CULLED
}
