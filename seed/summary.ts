/** The closing summary of a seeding run, as printed by `npm run seed` and `npm start`. */
import type { SeedSummary } from './pipeline.js';

export function formatSummary(summary: SeedSummary): string {
  const lines = [
    `Seeded ${summary.stories} stories from ${summary.files} files in ${summary.seconds.toFixed(1)} s (${summary.facts} facts, ${summary.evidence} pieces of evidence in this run).`,
    `Nodes:         ${Object.entries(summary.counts.nodes).map(([k, v]) => `${k} ${v}`).join(', ')}`,
    `Relationships: ${Object.entries(summary.counts.relationships).filter(([, v]) => v > 0).map(([k, v]) => `${k} ${v}`).join(', ')}`,
  ];
  for (const problem of summary.problems) lines.push(`  ✗ ${problem.file}: ${problem.message}`);
  if (summary.problems.length > 0) lines.push(`${summary.problems.length} problem(s): the files or stories above were skipped; everything else was loaded.`);
  return lines.join('\n');
}
