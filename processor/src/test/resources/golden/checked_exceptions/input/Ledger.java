package com.example.db;

import dev.chainmail.Fallback;
import dev.chainmail.Retry;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.sql.SQLException;
import java.sql.SQLTransientException;
import java.util.concurrent.TimeoutException;

public class Ledger {
  protected Ledger() {}

  protected Ledger(String url, int poolSize) throws SQLException {}

  @Retry(maxAttempts = 6, delay = "PT0.1S", maxDuration = "10s",
      retryOn = {SQLTransientException.class, TimeoutException.class})
  @Fallback(method = "recordLater", applyOn = SQLException.class)
  public void record(String entry, long amount) throws SQLException, TimeoutException {}

  void recordLater(String entry, long amount, SQLException cause) throws SQLException {}

  /** Parameters named like the proxy's locals get locals renamed around them. */
  @Retry(retryOn = IOException.class, abortOn = {FileNotFoundException.class, NoSuchFileException.class})
  protected long balance(String account, int attempt, Throwable failure) throws IOException {
    return 0L;
  }
}
