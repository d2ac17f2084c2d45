import { z } from 'zod';
import { loadConfig } from '../server/config.ts';
import { migrateToLatest, openDatabase } from '../server/db/database.ts';
import { createDeps } from '../server/deps.ts';
import { Email, Password, PersonName } from '../server/http/schemas.ts';
import { createAdmin } from '../server/modules/auth/service.ts';

export async function runMigrate() {
  const config = loadConfig();
  const database = openDatabase(config.databaseUrl);
  try {
    const applied = await migrateToLatest(database.db);
    console.log(applied.length ? `applied: ${applied.join(', ')}` : 'database is up to date');
  } finally {
    await database.close();
  }
}

const CreateAdminArgs = z.object({
  email: Email,
  password: Password,
  name: PersonName.optional(),
});

export async function runCreateAdmin(args: Record<string, string | undefined>) {
  const parsed = CreateAdminArgs.safeParse(args);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new Error(`--${String(issue.path[0])}: ${issue.message}`);
  }
  const config = loadConfig();
  const database = openDatabase(config.databaseUrl);
  try {
    await migrateToLatest(database.db);
    const deps = createDeps(config, database);
    const { email, password, name } = parsed.data;
    const user = await createAdmin(deps, { email, password, name: name ?? email.split('@')[0]! });
    console.log(`created Admin ${user.email} (${user.id})`);
  } finally {
    await database.close();
  }
}
