/**
 * Tolerances of the table finder, in page units (1/72 inch).
 *
 * The finder follows pdfplumber's: edges → merged edges → intersections → cells → tables.
 */
export interface TableFinderSettings {
  /**
   * Parallel edges closer than this are snapped to one line (double borders, a line drawn per cell).
   * @default 3
   */
  snapTolerance: number;
  /**
   * Collinear edges with a gap of at most this are joined (borders drawn cell by cell).
   * @default 3
   */
  joinTolerance: number;
  /**
   * A horizontal and a vertical edge within this distance of each other intersect.
   * @default 3
   */
  intersectionTolerance: number;
  /**
   * Merged edges shorter than this are dropped.
   * @default 3
   */
  minEdgeLength: number;
  /**
   * Cells smaller than this in either direction are slivers between double lines, not cells.
   * @default 2
   */
  minCellSize: number;
}

export const DEFAULT_SNAP_TOLERANCE = 3;
export const DEFAULT_JOIN_TOLERANCE = 3;
export const DEFAULT_INTERSECTION_TOLERANCE = 3;
export const DEFAULT_MIN_EDGE_LENGTH = 3;
export const DEFAULT_MIN_CELL_SIZE = 2;

export const DEFAULT_TABLE_FINDER_SETTINGS: TableFinderSettings = {
  snapTolerance: DEFAULT_SNAP_TOLERANCE,
  joinTolerance: DEFAULT_JOIN_TOLERANCE,
  intersectionTolerance: DEFAULT_INTERSECTION_TOLERANCE,
  minEdgeLength: DEFAULT_MIN_EDGE_LENGTH,
  minCellSize: DEFAULT_MIN_CELL_SIZE,
};
