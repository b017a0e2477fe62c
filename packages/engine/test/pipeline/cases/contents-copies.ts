import { type Case, x } from "./types.js";

/**
 * A copy of what a folder holds (`rsync -a evil/ .`, `cp -r evil/. .`, `cp -rT evil .`) writes
 * `dest/<name>` for every protected name the source holds; an archive's contents, a source the
 * line made and one the file system cannot list are unknown, and may replace every protected
 * file the destination holds (SPEC section 4). The project root holds `.claudeignore` and
 * `.claude/`; `evil/` holds a `.claudeignore` and a `.claude/policy.json`; `pkg/` holds a
 * `.claudeignore`; `src/` holds nothing protected.
 */
export const contentsCopies: Case[] = [
  // The source's contents, listed.
  x("rsync -a evil/ .", "DDD", "self-protection"),
  x("rsync -av evil/ ./", "DDD", "self-protection"),
  x("rsync -a evil/. .", "DDD", "self-protection"),
  x("rsync -a evil/ pkg/", "DDD", "self-protection"),
  x("rsync -a evil/.claude/ .claude/", "DDD", "self-protection"),
  x("cp -r evil/. .", "DDD", "self-protection"),
  x("cp -a evil/. .claude/", "DDD", "self-protection"),
  x("cp -a evil/.claude/. .claude/", "DDD", "self-protection"),
  x("cp -rT evil .", "DDD", "self-protection"),
  x("cp -r --no-target-directory evil .", "DDD", "self-protection"),
  x("cp -r -t . evil/.", "DDD", "self-protection"),
  x("mv -T evil .", "DDD", "self-protection"),
  x("cd evil && rsync -a ./ ..", "DDD", "self-protection"),
  x("ln -s evil e && rsync -a e/ .", "DDD", "self-protection"),
  x("cp -r --no-t evil .", "DDD", "self-protection"),
  x("rsync -d evil/ .", "DDD", "self-protection"),
  x("ditto evil .", "DDD", "self-protection"),
  // A whole folder lands in dest/<its name>: what it holds is judged there.
  x("cp -r evil/.claude .", "DDD", "self-protection"),
  x("rsync -a evil ./x", "DDD", "self-protection"),
  x("cp -r evil pkg", "DDD", "self-protection"),
  // A folder the line made is unknown, wherever it lands (`pkg/` holds a .claudeignore).
  x("mkdir -p t/pkg && cp -r t/pkg .", "DDD", "self-protection"),
  x("mkdir -p t/pkg && rsync -a t/pkg .", "DDD", "self-protection"),
  x("mkdir -p t/lib && cp -r t/lib .", "AAE", "tier"),
  // Unknown contents: a source the line made, a missing one, a remote one.
  x("mkdir -p x && rsync -a x/ .", "DDD", "self-protection"),
  x("rsync -a missing/ .", "DDD", "self-protection"),
  x("git clone https://example.com/r x && cp -r x/. .", "DDD", "self-protection"),
  // Ordinary contents copies stay as they were.
  x("rsync -a src/ dist/", "AAE", "tier"),
  x("cp -r src/. dist/", "AAE", "tier"),
  x("cp -rT src dist", "AAE", "tier"),
  x("rsync -a missing/ dist/", "AAE", "tier"),
  x("mkdir -p build && cp -r src/. build/", "AAE", "tier"),
  // Archives: their contents are unknown.
  x("tar xf evil.tar", "DDD", "self-protection"),
  x("tar xzf release.tgz", "DDD", "self-protection"),
  x("tar -xf evil.tar -C .claude", "DDD", "self-protection"),
  x("tar xf evil.tar --directory=pkg", "DDD", "self-protection"),
  x("tar xf evil.tar -C evil", "DDD", "self-protection"),
  x("bsdtar -xf evil.tar", "DDD", "self-protection"),
  x("cd src && tar xf ../evil.tar -C ..", "DDD", "self-protection"),
  x("unzip -o evil.zip", "DDD", "self-protection"),
  x("unzip evil.zip -d .claude", "DDD", "self-protection"),
  x("7z x evil.7z", "DDD", "self-protection"),
  x("7z x evil.7z -o.claude", "DDD", "self-protection"),
  x("cpio -i < evil.cpio", "DDD", "self-protection"),
  x("cpio -idv < evil.cpio", "DDD", "self-protection"),
  x("ln -s .claude c && tar xf evil.tar -C c", "DDD", "self-protection"),
  x("jar xf evil.jar", "DDD", "self-protection"),
  x("python3 -m zipfile -e evil.zip .", "DDD", "self-protection"),
  x("python3 -m tarfile -e evil.tar", "DDD", "self-protection"),
  // Into an ordinary folder, or not extracting: as before.
  x("tar xf a.tgz -C build", "AAE", "tier"),
  x("tar xzf a.tgz -C src", "AAE", "tier"),
  x("unzip a.zip -d vendor", "AAE", "tier"),
  x("unzip -l a.zip", "AAE", "tier"),
  x("tar tzf a.tgz", "AAE", "tier"),
  x("tar xzf a.tgz -O", "AAE", "tier"),
  x("tar czf out.tgz src", "AAE", "tier"),
];
