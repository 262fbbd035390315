package dev.chainmail.runtime.internal.checkpoint;

import dev.chainmail.runtime.checkpoint.CheckpointClaimedException;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.Map;

/**
 * The claims of the runs of one SQLite store file: exclusive OS locks on one byte each of a sidecar file,
 * {@code <db>.claims}, which stays empty. The byte of a run is at the offset given by 62 bits of the SHA-256 of its
 * id, so two run ids share a byte with odds of 2<sup>-62</sup> per pair of runs claimed at the same time; a
 * collision only makes one of them wait for the other's claim to end, never lets two callers hold one run.
 *
 * <p>The OS releases a process's locks when it dies, SIGKILL included, so a claim never outlives its holder. The
 * JDK keeps one lock table per file for the whole JVM, so a second claim of a run in the same JVM, from another
 * thread or another store object, fails too.
 *
 * <p>POSIX releases every lock that a process holds on a file when it closes any descriptor of that file, so this
 * class keeps one channel per claims file for the whole JVM, shared by every store on it and closed when the last
 * one releases it. That table is the one piece of static state of the stores, and it mirrors the JDK's own. This
 * class is thread-safe.
 */
final class ClaimFile {

  private static final Map<Path, ClaimFile> OPEN = new HashMap<>();

  private final Path path;
  private final FileChannel channel;
  /** The stores using this file; guarded by {@link #OPEN}. */
  private int users;

  private ClaimFile(Path path, FileChannel channel) {
    this.path = path;
    this.channel = channel;
  }

  /**
   * Opens the claims file, creating it if need be, or shares the channel already open on it in this JVM.
   *
   * @throws IllegalStateException if the file cannot be opened for writing
   */
  static ClaimFile acquire(Path path) {
    synchronized (OPEN) {
      try {
        // Never open a second descriptor of a claims file that this JVM has open: closing it would release the
        // JVM's locks. Creating a file that did not exist cannot, since no one can hold locks on it yet.
        if (Files.notExists(path)) {
          try {
            Files.createFile(path);
          } catch (FileAlreadyExistsException e) {
            // Another process created it meanwhile, which is as good.
          }
        }
        Path key = path.toRealPath();
        ClaimFile file = OPEN.get(key);
        if (file == null) {
          file = new ClaimFile(key, FileChannel.open(key, StandardOpenOption.READ, StandardOpenOption.WRITE));
          OPEN.put(key, file);
        }
        file.users++;
        return file;
      } catch (IOException e) {
        throw new IllegalStateException("cannot open the claims file " + path + " of the checkpoint store, which"
            + " holds the locks that keep a run to one caller: " + e.getMessage()
            + "; make its directory writable", e);
      }
    }
  }

  /** Stops using the file; the last user closes its channel, which releases its remaining locks. */
  void release() {
    synchronized (OPEN) {
      if (--users == 0) {
        OPEN.remove(path);
        closeQuietly(channel);
      }
    }
  }

  /**
   * Locks the byte of a run, without waiting.
   *
   * @return the lock, to release when the claim ends
   * @throws CheckpointClaimedException if another process or another claim in this JVM holds it
   * @throws IllegalStateException if the OS fails to lock
   */
  FileLock lock(String runId) {
    try {
      FileLock lock = channel.tryLock(offset(runId), 1, false);
      if (lock == null) {
        throw new CheckpointClaimedException(runId);
      }
      return lock;
    } catch (OverlappingFileLockException e) {
      throw new CheckpointClaimedException(runId, e);
    } catch (IOException e) {
      throw new IllegalStateException("cannot lock run '" + runId + "' in the claims file " + path + ": "
          + e.getMessage(), e);
    }
  }

  /** Releases a lock taken by {@link #lock}; a lock whose channel was closed is released already. */
  static void unlock(FileLock lock) {
    try {
      if (lock.isValid()) {
        lock.release();
      }
    } catch (IOException e) {
      throw new IllegalStateException("cannot release a claim in the claims file: " + e.getMessage(), e);
    }
  }

  /** @return the offset of a run's byte: 62 bits of the SHA-256 of its id */
  static long offset(String runId) {
    MessageDigest sha256;
    try {
      sha256 = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("this Java platform has no SHA-256, which the Java SE spec requires", e);
    }
    byte[] digest = sha256.digest(runId.getBytes(StandardCharsets.UTF_8));
    long bits = 0;
    for (int i = 0; i < 8; i++) {
      bits = (bits << 8) | (digest[i] & 0xFF);
    }
    return bits >>> 2;
  }

  private static void closeQuietly(FileChannel channel) {
    if (channel != null) {
      try {
        channel.close();
      } catch (IOException e) {
        // Nothing holds on to a channel that failed to close; its descriptor goes with it.
      }
    }
  }
}
