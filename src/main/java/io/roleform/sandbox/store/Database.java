package io.roleform.sandbox.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.locks.ReentrantLock;
import org.sqlite.SQLiteConfig;

/**
 * The sandbox's SQLite database and its transactions.
 *
 * <p>Guarantees: every {@link #write} runs in one {@code BEGIN IMMEDIATE} transaction on the single
 * writer connection, serialized by a lock, and is durable once it returns (WAL with {@code
 * synchronous=FULL}: the WAL is fsynced at every commit, so {@code kill -9} or power loss after the
 * return loses nothing, and the file is never corrupted). Every {@link #read} runs in one read
 * transaction on a pooled reader connection and sees one consistent snapshot; with WAL, readers
 * never wait for the writer. With {@code ":memory:"} there is one connection and reads take the
 * writer's lock.
 */
public final class Database implements AutoCloseable {

  /** The special data value for a throw-away in-memory database. */
  public static final String MEMORY = ":memory:";

  private static final int READERS = 4;

  /** Work done inside a transaction. */
  @FunctionalInterface
  public interface Work<T> {
    T run(Connection c) throws SQLException;
  }

  private final Connection writer;
  private final BlockingQueue<Connection> readers;
  private final List<Connection> allReaders;
  private final ReentrantLock writeLock = new ReentrantLock(true);
  private volatile boolean closed;

  private Database(Connection writer, List<Connection> readers) {
    this.writer = writer;
    this.allReaders = List.copyOf(readers);
    this.readers = new ArrayBlockingQueue<>(Math.max(1, readers.size()));
    this.readers.addAll(readers);
  }

  /** Opens (creating if needed) the database at {@code data}, or an in-memory one. */
  public static Database open(String data) throws IOException {
    try {
      if (MEMORY.equals(data)) {
        Connection c = connect("jdbc:sqlite::memory:", config(false, false));
        Schema.create(c);
        return new Database(c, List.of());
      }
      Path file = Path.of(data).toAbsolutePath();
      if (file.getParent() != null) {
        Files.createDirectories(file.getParent());
      }
      String url = "jdbc:sqlite:" + file;
      Connection w = connect(url, config(true, false));
      Schema.create(w);
      List<Connection> rs = new ArrayList<>();
      for (int i = 0; i < READERS; i++) {
        rs.add(connect(url, config(true, true)));
      }
      return new Database(w, rs);
    } catch (SQLException e) {
      throw new IOException("cannot open the sandbox database " + data + ": " + e.getMessage(), e);
    }
  }

  private static SQLiteConfig config(boolean file, boolean reader) {
    SQLiteConfig cfg = new SQLiteConfig();
    if (file) {
      cfg.setJournalMode(SQLiteConfig.JournalMode.WAL);
      cfg.setSynchronous(SQLiteConfig.SynchronousMode.FULL);
    }
    cfg.setBusyTimeout(10_000);
    cfg.setTransactionMode(
        reader ? SQLiteConfig.TransactionMode.DEFERRED : SQLiteConfig.TransactionMode.IMMEDIATE);
    cfg.setReadOnly(reader);
    return cfg;
  }

  private static Connection connect(String url, SQLiteConfig cfg) throws SQLException {
    Connection c = cfg.createConnection(url);
    c.setAutoCommit(false);
    return c;
  }

  /** Runs {@code work} in one write transaction; commits if it returns, rolls back if it throws. */
  public <T> T write(Work<T> work) {
    writeLock.lock();
    try {
      checkOpen();
      return inTransaction(writer, work);
    } finally {
      writeLock.unlock();
    }
  }

  /** Runs {@code work} in one read transaction (a consistent snapshot). */
  public <T> T read(Work<T> work) {
    if (allReaders.isEmpty()) {
      return write(work);
    }
    checkOpen();
    Connection c;
    try {
      c = readers.take();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new StoreException("interrupted while waiting for a database connection", e);
    }
    try {
      return inTransaction(c, work);
    } finally {
      readers.add(c);
    }
  }

  private static <T> T inTransaction(Connection c, Work<T> work) {
    boolean done = false;
    try {
      T result = work.run(c);
      c.commit();
      done = true;
      return result;
    } catch (SQLException e) {
      throw new StoreException("database error: " + e.getMessage(), e);
    } finally {
      if (!done) {
        try {
          c.rollback();
        } catch (SQLException ignored) {
          // The connection is unusable or nothing was started; the next begin reports it.
        }
      }
    }
  }

  private void checkOpen() {
    if (closed) {
      throw new StoreException("the sandbox database is closed", null);
    }
  }

  /** Closes every connection, waiting for a running write to finish. Idempotent. */
  @Override
  public void close() {
    writeLock.lock();
    try {
      if (closed) {
        return;
      }
      closed = true;
      for (Connection c : allReaders) {
        quietClose(c);
      }
      try (Statement s = writer.createStatement()) {
        writer.commit();
        s.execute("PRAGMA optimize");
      } catch (SQLException ignored) {
        // Best effort; closing follows.
      }
      quietClose(writer);
    } finally {
      writeLock.unlock();
    }
  }

  private static void quietClose(Connection c) {
    try {
      c.close();
    } catch (SQLException ignored) {
      // Nothing useful to do while shutting down.
    }
  }
}
