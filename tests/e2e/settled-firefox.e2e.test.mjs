import { launchFirefox } from './harness/launch-firefox.mjs';
import { settledSuite } from './features/settled-suite.mjs';

settledSuite('firefox', launchFirefox);
