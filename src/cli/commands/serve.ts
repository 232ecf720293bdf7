// switchboard serve: the server, exactly as npm start runs it.
import { startServer } from '../../server.ts';
import { parseCommand } from '../args.ts';

export async function serve(args: string[]): Promise<void> {
  parseCommand('serve', args, { options: {} });
  await startServer();
}
