#!/bin/bash
# Usage: FreeRDP.sh SRC_DIR BUILD_DIR   (cmake + ninja; modelled on upstream ci/cmake-preloads/config-linux-all.txt)
# Built: WinPR (+tools), libfreerdp, rdtk, uwac, X11 + Wayland + sample clients, shadow/proxy/sample
# servers with proxy modules, all channels incl. the off-by-default ones (gfxredir, rdp2tcp, rdpear,
# rdpecam client (v4l), rdpemsc client, telemetry client, sshagent, tsmf (deprecated; gstreamer/ffmpeg),
# urbdrc), audio ALSA/Pulse/OSS/sndio, codecs: FFmpeg (dsp/video/swscale), OpenH264, GSM, LAME, FAAD2,
# soxr, Opus, Cairo, [experimental] GFX AV1 (aom + dav1d); internal RC4/MD4/MD5, proxy smartcard
# emulation, primitives benchmark, man-page generator; CUPS, PC/SC, Kerberos, FUSE clipboard, uriparser,
# systemd journal, ICU timezones, deprecated API.
# Disabled:
#   WITH_CLIENT_SDL=OFF    SDL client is C++ and needs SDL3/SDL3_ttf (not in Debian 12).
#   CHANNEL_RDPEWA=OFF     needs libcbor >= 0.10.2 and libfido2 >= 1.14.0 (Debian 12: 0.8.0 / 1.12.0).
#   WITH_FAAC=OFF          libfaac is not packaged in Debian 12 (non-free).
#   WITH_YUV=OFF           Debian 12's libyuv-dev ships no .pc file, and FreeRDP's fallback in
#                          cmake/Findyuv.cmake is broken (set_target_properties on ALIAS 'aom'); only
#                          drops the optional libyuv conversion path inside av1.c (no files lost).
#   WITH_GFX_AZURE, WITH_OPENCL, WITH_VAAPI, WITH_MBEDTLS/LIBRESSL, *_LOADING (dlopen variants),
#   WITH_SHADOW_SUBSYSTEM=OFF (sample instead of X11 shadow backend), json-c/cJSON (jansson is used):
#                          experimental / alternative variants, left at upstream default.
#   BUILD_TESTING stays at its default OFF (unit tests are not part of the corpus).
set -euo pipefail
SRC=$(realpath "$1"); mkdir -p "$2"; BUILD=$(realpath "$2")
need=(); for p in gcc g++ cmake ninja-build pkg-config libssl-dev zlib1g-dev libx11-dev libxext-dev \
  libxinerama-dev libxcursor-dev libxdamage-dev libxv-dev libxkbfile-dev libxi-dev libxrandr-dev \
  libxrender-dev libxfixes-dev libxtst-dev libwayland-dev wayland-protocols libxkbcommon-dev \
  libasound2-dev libpulse-dev libcups2-dev libpcsclite-dev libkrb5-dev libjpeg-dev libgsm1-dev \
  libmp3lame-dev libfaad-dev libsoxr-dev libopus-dev libopenh264-dev libavcodec-dev libavutil-dev \
  libswscale-dev libswresample-dev libusb-1.0-0-dev libv4l-dev libcjson-dev libfuse3-dev libsystemd-dev \
  libpam0g-dev libcairo2-dev liburiparser-dev libicu-dev libpng-dev libwebp-dev \
  libgstreamer1.0-dev libgstreamer-plugins-base1.0-dev libsndio-dev libaom-dev libdav1d-dev \
  libjansson-dev; do
  dpkg -s "$p" >/dev/null 2>&1 || need+=("$p"); done
if [ ${#need[@]} -gt 0 ]; then apt-get update && apt-get install -y --no-install-recommends "${need[@]}"; fi
cmake -S "$SRC" -B "$BUILD" -G Ninja -DCMAKE_BUILD_TYPE=Debug -DCMAKE_C_COMPILER=gcc \
  -DCMAKE_EXPORT_COMPILE_COMMANDS=ON -DWITH_CCACHE=OFF -DWITH_CLANG_FORMAT=OFF \
  -DWITH_MANPAGES=ON -DBUILD_TESTING=OFF -DBUILD_BENCHMARK=ON -DWITH_CLIENT_SDL=OFF \
  -DWITH_X11=ON -DWITH_WAYLAND=ON -DWITH_SAMPLE=ON -DWITH_SERVER=ON -DWITH_SHADOW=ON -DWITH_PROXY=ON \
  -DWITH_PROXY_MODULES=ON -DWITH_RDTK=ON -DWITH_WINPR_TOOLS=ON -DWITH_FREERDP_DEPRECATED=ON \
  -DWITH_WINPR_DEPRECATED=ON -DWITH_FREERDP_DEPRECATED_COMMANDLINE=ON -DWITH_SMARTCARD_INSPECT=ON \
  -DWITH_CHANNELS=ON -DWITH_CLIENT_CHANNELS=ON -DWITH_SERVER_CHANNELS=ON \
  -DCHANNEL_GFXREDIR=ON -DCHANNEL_RDP2TCP=ON -DCHANNEL_RDP2TCP_CLIENT=ON -DCHANNEL_RDPEAR=ON \
  -DCHANNEL_RDPEAR_CLIENT=ON -DCHANNEL_RDPECAM=ON -DCHANNEL_RDPECAM_CLIENT=ON -DCHANNEL_RDPEMSC=ON \
  -DCHANNEL_RDPEMSC_CLIENT=ON -DCHANNEL_TELEMETRY_CLIENT=ON -DCHANNEL_SSHAGENT=ON \
  -DCHANNEL_SSHAGENT_CLIENT=ON -DCHANNEL_TSMF=ON -DCHANNEL_TSMF_CLIENT=ON -DCHANNEL_URBDRC=ON \
  -DCHANNEL_URBDRC_CLIENT=ON -DCHANNEL_RDPEWA=OFF \
  -DWITH_PULSE=ON -DWITH_ALSA=ON -DWITH_OSS=ON -DWITH_SNDIO=ON -DWITH_GSTREAMER_1_0=ON -DWITH_CUPS=ON \
  -DWITH_PCSC=ON -DWITH_KRB5=ON -DWITH_JPEG=ON \
  -DWITH_GSM=ON -DWITH_LAME=ON -DWITH_FAAD2=ON -DWITH_FAAC=OFF -DWITH_SOXR=ON -DWITH_OPUS=ON \
  -DWITH_OPENH264=ON -DWITH_FFMPEG=ON -DWITH_DSP_FFMPEG=ON -DWITH_VIDEO_FFMPEG=ON -DWITH_SWSCALE=ON \
  -DWITH_CAIRO=ON -DWITH_FUSE=ON -DWITH_URIPARSER=ON -DWITH_SYSTEMD=ON -DWITH_TIMEZONE_ICU=ON \
  -DWITH_PKCS11=ON -DWITH_AAD=ON -DWITH_GFX_AV1=ON -DWITH_AOM=ON -DWITH_DAV1D=ON -DWITH_YUV=OFF \
  -DWITH_INTERNAL_RC4=ON -DWITH_INTERNAL_MD4=ON -DWITH_INTERNAL_MD5=ON -DWITH_PROXY_EMULATE_SMARTCARD=ON
ninja -C "$BUILD" -j2
test -s "$BUILD/compile_commands.json"
