/**
 * The little SQL surface the store needs, so one store implementation runs on PGlite and on PostgreSQL alike.
 */
export interface SqlQuery {
  /** Runs one parameterised statement and returns its rows. */
  query<Row>(text: string, params?: readonly unknown[]): Promise<Row[]>;
}

export interface SqlClient extends SqlQuery {
  /** Runs `work` in one transaction on one connection; rolls back if it throws. */
  transaction<T>(work: (tx: SqlQuery) => Promise<T>): Promise<T>;
  /** Runs several statements without parameters (migrations). */
  exec(text: string): Promise<void>;
  close(): Promise<void>;
}
