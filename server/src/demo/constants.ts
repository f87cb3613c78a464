/** The demo's contract values (DESIGN.md), apart from the seeder so light modules can show them. */
export const DEMO_WORKSPACE_NAME = 'Open Source in Kommunen';
export const DEMO_PASSWORD = 'konvent-demo';
