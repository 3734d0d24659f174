#!/usr/bin/env bash
# Rebuilds the two stand-in packages in feed/ from the .nuspec files in src/.
# The .nupkg files are committed, so a clean clone restores without running this.
set -euo pipefail
cd "$(dirname "$0")/src"
for project in Patched.DistributedLock.Postgres IdentityModel; do
  dotnet pack "$project.csproj" --nologo -v quiet
done
rm -rf obj bin
