// Must NOT compile (test/unit/metadata.test.ts runs tsc on test/types/tsconfig.json and expects TS2741): a locale
// whose catalog lacks one message. Excluded from the main tsconfig.json.

import { t, type Catalog } from '../../server/src/core/messages';

// Every message of the English catalog but 'fix.total'.
const { ['fix.total']: _missing, ...withoutOne } = t('en');

export const fr: Catalog = withoutOne;
