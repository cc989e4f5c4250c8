import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../../../shared/errors/AppError';

/**
 * An office's Ed25519 signing key and the offices it trusts. Both live in files beside the library
 * (`library.office-key.json`, `library.trusted-offices.json`), never in the library or its
 * repository: a key must not travel with the data it signs, and trust must never arrive through a
 * sync or a bundle (a hostile remote could otherwise vouch for itself).
 */
export interface OfficeKey {
  office: string;
  keyId: string;
  publicKeyPem: string;
  privateKey: crypto.KeyObject;
}

export interface TrustedOffice {
  office: string;
  keyId: string;
  publicKeyPem: string;
}

const OFFICE = /^[\p{L}\p{N}][\p{L}\p{N} .'’_-]{0,79}$/u;

function sibling(libraryPath: string, suffix: string): string {
  const { dir, name } = path.parse(libraryPath);
  return path.join(dir, `${name}.${suffix}`);
}

export const officeKeyPath = (libraryPath: string) => sibling(libraryPath, 'office-key.json');
export const trustedOfficesPath = (libraryPath: string) => sibling(libraryPath, 'trusted-offices.json');

export function checkOfficeName(office: string): string {
  const name = office.trim();
  if (!OFFICE.test(name)) throw new AppError('bundle.badOfficeName', { office: office.slice(0, 80) });
  return name;
}

/** A key's id: the first 16 hex digits of the SHA-256 of its public key (SPKI, DER). */
export function keyIdOf(publicKey: crypto.KeyObject): string {
  return crypto.createHash('sha256').update(publicKey.export({ type: 'spki', format: 'der' })).digest('hex').slice(0, 16);
}

/** Creates the office's key; an existing one is never overwritten (bundles signed with it stay verifiable). */
export function createOfficeKey(libraryPath: string, office: string): OfficeKey {
  const name = checkOfficeName(office);
  const file = officeKeyPath(libraryPath);
  if (fs.existsSync(file)) throw new AppError('bundle.keyExists', { path: file });
  const { publicKey, privateKey } = crypto.generateKeyPairSync('ed25519');
  const publicKeyPem = publicKey.export({ type: 'spki', format: 'pem' }).toString();
  const body = JSON.stringify({ office: name, keyId: keyIdOf(publicKey), publicKeyPem, privateKeyPem: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString() }, null, 2);
  // 'wx': created here or not at all; 0600 from the first byte, never readable by others.
  fs.writeFileSync(file, `${body}\n`, { mode: 0o600, flag: 'wx' });
  fs.chmodSync(file, 0o600);
  return { office: name, keyId: keyIdOf(publicKey), publicKeyPem, privateKey };
}

export function readOfficeKey(libraryPath: string): OfficeKey {
  const file = officeKeyPath(libraryPath);
  if (!fs.existsSync(file)) throw new AppError('bundle.noKey', { path: file });
  try {
    const stored = JSON.parse(fs.readFileSync(file, 'utf8')) as { office: string; privateKeyPem: string };
    const privateKey = crypto.createPrivateKey(stored.privateKeyPem);
    const publicKey = crypto.createPublicKey(privateKey);
    if (privateKey.asymmetricKeyType !== 'ed25519') throw new Error('not ed25519');
    return { office: checkOfficeName(stored.office), keyId: keyIdOf(publicKey), publicKeyPem: publicKey.export({ type: 'spki', format: 'pem' }).toString(), privateKey };
  } catch {
    throw new AppError('bundle.keyUnreadable', { path: file });
  }
}

/** A public key given as PEM text or as the path of a file holding it; only Ed25519 keys. */
export function parsePublicKey(pemOrFile: string): crypto.KeyObject {
  let text = pemOrFile;
  if (!pemOrFile.includes('-----BEGIN')) {
    try {
      text = fs.readFileSync(pemOrFile, 'utf8');
    } catch {
      throw new AppError('bundle.publicKeyFile', { path: pemOrFile.slice(0, 200) });
    }
  }
  try {
    const key = crypto.createPublicKey(text);
    if (key.asymmetricKeyType === 'ed25519') return key;
  } catch {
    // Named below, whatever node said.
  }
  throw new AppError('bundle.badPublicKey', { path: pemOrFile.includes('-----BEGIN') ? 'PEM' : pemOrFile.slice(0, 200) });
}

export function listTrustedOffices(libraryPath: string): TrustedOffice[] {
  const file = trustedOfficesPath(libraryPath);
  if (!fs.existsSync(file)) return [];
  try {
    const list = JSON.parse(fs.readFileSync(file, 'utf8')) as TrustedOffice[];
    return list.map((o) => ({ office: checkOfficeName(o.office), keyId: keyIdOf(crypto.createPublicKey(o.publicKeyPem)), publicKeyPem: o.publicKeyPem }));
  } catch {
    throw new AppError('bundle.trustUnreadable', { path: file });
  }
}

/** Trusts an office's key; trusting a new key for a known office replaces the old one. */
export function trustOffice(libraryPath: string, office: string, pemOrFile: string): TrustedOffice {
  const name = checkOfficeName(office);
  const key = parsePublicKey(pemOrFile);
  const entry = { office: name, keyId: keyIdOf(key), publicKeyPem: key.export({ type: 'spki', format: 'pem' }).toString() };
  const list = listTrustedOffices(libraryPath).filter((o) => o.office !== name);
  list.push(entry);
  list.sort((a, b) => a.office.localeCompare(b.office));
  const file = trustedOfficesPath(libraryPath);
  const tmp = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(tmp, `${JSON.stringify(list, null, 2)}\n`, { mode: 0o644 });
  fs.renameSync(tmp, file);
  return entry;
}
