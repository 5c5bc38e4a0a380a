/** Bundle entry point for the `netlens` bin. */
import { runFromProcess } from './main';

runFromProcess();
