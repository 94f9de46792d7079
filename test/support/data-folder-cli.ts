/**
 * For the e2e specs, which run in Playwright's process and cannot load the core's TypeScript:
 * reads an encrypted data folder with its passphrase, in a child process started with tsx.
 *   query <data folder> <passphrase> <sql>         → the rows, as JSON
 *   attachment <data folder> <passphrase> <sha256> → { size, sha256 } of the decrypted file
 * Not a test file itself.
 */
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { dataDirLayout } from '#core/data-dir.js';
import { attachmentKeyFrom, readEncryptedFile } from '#core/store/file-cipher.js';
import { dataFolderKey, openDataFolder } from './vault.js';

const [what, dataDir, passphrase, arg] = process.argv.slice(2) as [string, string, string, string];
if (what === 'query') {
  const db = await openDataFolder(dataDir, { passphrase });
  try {
    console.log(JSON.stringify(db.prepare(arg).all()));
  } finally {
    db.close();
  }
} else if (what === 'attachment') {
  const key = attachmentKeyFrom(await dataFolderKey(dataDir, passphrase));
  const plain = readEncryptedFile(join(dataDirLayout(dataDir).attachments, arg.slice(0, 2), arg), key);
  console.log(JSON.stringify({ size: plain.length, sha256: createHash('sha256').update(plain).digest('hex') }));
} else {
  throw new Error('usage: query|attachment <data folder> <passphrase> <sql|sha256>');
}
