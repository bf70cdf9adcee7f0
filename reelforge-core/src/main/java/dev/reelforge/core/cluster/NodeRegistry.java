package dev.reelforge.core.cluster;

import java.util.List;
import java.util.UUID;

/**
 * Where each ReelForge process records that it started, is alive and stopped, so that operators
 * (and the dashboard) can see the processes sharing one database.
 */
public interface NodeRegistry {

  /** Records a process that has just started. */
  void register(NodeInfo node);

  /** Records that a process is still alive. */
  void touch(UUID nodeId);

  /** Records a clean shutdown. */
  void markStopped(UUID nodeId);

  /** The most recently started processes first, at most {@code limit}. */
  List<NodeInfo> recent(int limit);
}
