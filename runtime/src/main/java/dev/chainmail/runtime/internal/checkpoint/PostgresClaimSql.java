package dev.chainmail.runtime.internal.checkpoint;

/**
 * The statements of a {@link PostgresRunClaim}'s writes, for one schema, written out once when the store opens so
 * that a write builds no SQL. Every write but the reads begins with the lease check: a share lock on the lease row
 * at the claim's epoch, whose three parameters (run id, epoch, owner) come first. Immutable.
 */
final class PostgresClaimSql {

  final String insertRun;
  final String finishRun;
  final String insertStarted;
  /** A step's result where it has no row yet: a plain insert, which a marker or a racing result makes fail. */
  final String insertStep;
  /** A step's result over its STARTED marker, never over a result: the first writer wins. */
  final String upsertStep;
  final String readResult;
  final String discardFrom;
  final String currentEpoch;

  PostgresClaimSql(String schema) {
    String runs = schema + ".runs";
    String steps = schema + ".steps";
    String leases = schema + ".leases";
    String leased = "WITH lease AS (SELECT 1 FROM " + leases + " WHERE run_id = ? AND epoch = ? AND owner = ?"
        + " FOR SHARE) ";
    String stepInsert = leased + "INSERT INTO " + steps + " (run_id, name, step_key, seq, fingerprint, result)"
        + " SELECT ?, ?, ?, ?, ?, ? FROM lease";
    insertRun = leased + "INSERT INTO " + runs + " (run_id, entry, arguments, started_at) SELECT ?, ?, ?, ?"
        + " FROM lease ON CONFLICT (run_id) DO NOTHING";
    finishRun = leased + "UPDATE " + runs + " SET result = ?, finished_at = ? WHERE run_id = ?"
        + " AND EXISTS (SELECT 1 FROM lease)";
    insertStarted = leased + "INSERT INTO " + steps + " (run_id, name, step_key, seq, fingerprint)"
        + " SELECT ?, ?, ?, ?, ? FROM lease ON CONFLICT DO NOTHING";
    insertStep = stepInsert;
    upsertStep = stepInsert + " ON CONFLICT (run_id, name, step_key) DO UPDATE SET seq = excluded.seq,"
        + " fingerprint = excluded.fingerprint, result = excluded.result WHERE " + steps + ".result IS NULL";
    readResult = "SELECT result FROM " + steps + " WHERE run_id = ? AND name = ? AND step_key = ?";
    discardFrom = leased + "DELETE FROM " + steps + " WHERE run_id = ? AND seq >= ?"
        + " AND EXISTS (SELECT 1 FROM lease)";
    currentEpoch = "SELECT epoch FROM " + leases + " WHERE run_id = ?";
  }
}
