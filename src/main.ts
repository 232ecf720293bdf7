// `npm start`: migrate, bootstrap on first start (printing the first API key once), serve.
import { exitOnStartError, startServer } from './server.ts';

startServer().catch(exitOnStartError);
