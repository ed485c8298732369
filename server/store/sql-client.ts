/**
 * The little SQL surface the store needs, so one store implementation runs on PGlite and on PostgreSQL alike.
 */
export interface SqlQuery {
  /**
   * Runs one parameterised statement and returns its rows. `name` asks for a prepared statement (parsed and
   * planned once per connection) where the backend has them: worth it for the statement run once per batch.
   */
  query<Row>(text: string, params?: readonly unknown[], name?: string): Promise<Row[]>;
}

export interface SqlClient extends SqlQuery {
  /** Runs `work` in one transaction on one connection; rolls back if it throws. */
  transaction<T>(work: (tx: SqlQuery) => Promise<T>): Promise<T>;
  /** Runs several statements without parameters (migrations). */
  exec(text: string): Promise<void>;
  close(): Promise<void>;
}
