# Sourced by the scripts: ensure_debian_packages PKG... installs those not installed yet (with sudo when not root).
ensure_debian_packages() {
  local sudo_cmd=() missing=() pkg
  if [ "$(id -u)" -ne 0 ]; then sudo_cmd=(sudo); fi
  for pkg in "$@"; do
    dpkg -s "$pkg" >/dev/null 2>&1 || missing+=("$pkg")
  done
  if [ ${#missing[@]} -gt 0 ]; then
    printf '\n== Installing Debian packages: %s\n' "${missing[*]}"
    "${sudo_cmd[@]}" apt-get update -q
    DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y -q --no-install-recommends "${missing[@]}"
  fi
}
