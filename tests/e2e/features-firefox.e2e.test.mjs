import { launchFirefox } from './harness/launch-firefox.mjs';
import { featureSuite } from './features/suite.mjs';

featureSuite('firefox', launchFirefox);
