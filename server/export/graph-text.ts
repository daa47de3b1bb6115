/** How the export formats name nodes and write property values as text. */
import type { GraphNode } from '../../model/api.js';

export const nodeName = (n: GraphNode) => String(n.props.name ?? n.props.title ?? n.id);
export const mainLabel = (n: GraphNode) => n.labels.find((l) => l !== 'Entity') ?? n.labels[0] ?? 'Node';

/** Strings as they are, numbers and booleans as written, lists and maps as JSON. */
export const cellText = (v: unknown): string => (typeof v === 'string' ? v : typeof v === 'number' || typeof v === 'boolean' ? String(v) : JSON.stringify(v));
