/** `seed:demo`: the demo working group on demand (the server seeds it by itself only into an empty database). */
import { DEMO_WORKSPACE_NAME } from '../../demo/constants';
import { CliFailure, type Command } from '../framework';

export const seedDemoCommand: Command = {
  name: 'seed:demo',
  summary: `Seed the demo working group "${DEMO_WORKSPACE_NAME}" with its people, topics and drafted report.`,
  options: {
    replace: {
      type: 'boolean',
      description: 'Delete an existing demo working group (with its sections and texts) and seed it afresh.',
    },
  },
  notes: [
    'Refuses when a demo working group exists, unless --replace is given. Other working groups are never touched.',
    'Accounts with a demo address (moderation@, expert01@ … expert39@, gast@example.org) that exist already are ' +
      'reused and keep their password; new ones get the password konvent-demo.',
    'Safe while the server runs: everything is written in one transaction.',
  ],
  async run({ values, env }) {
    // Loaded on demand: the seeder pulls in the editor schema and Yjs, which every other
    // command would otherwise pay for at start.
    const { DemoExistsError, seedDemo } = await import('../../demo/seed');
    const db = env.db();
    let result;
    try {
      result = await seedDemo(db, { replace: values.replace === true });
    } catch (err) {
      if (err instanceof DemoExistsError) throw new CliFailure(`${err.message} Pass --replace to seed it afresh.`);
      throw err;
    }
    if (!result) throw new CliFailure('The demo was not seeded.');
    env.out(
      `Seeded "${result.workspaceName}" (id ${result.workspaceId}): ${result.sectionCount} sections, ` +
        `${result.wordCount} words, in ${result.durationMs} ms.`,
    );
    env.out(`Log in as ${result.moderatorEmail} / ${result.password} (members expert01 … expert39, guest gast@example.org).`);
    if (result.reusedAccounts.length) {
      env.out(`${result.reusedAccounts.length} demo accounts existed already and keep their password: ${result.reusedAccounts.join(', ')}.`);
    }
  },
};
