#include "core/zlib_codec.h"

#include <climits>

#include <zlib.h>

namespace timpush::core::zlib_codec {

namespace {
Inflated failure(std::string en, std::string zh) {
  Inflated r;
  r.error.en = std::move(en);
  r.error.zh = std::move(zh);
  return r;
}
}  // namespace

std::string compress(std::string_view data, int level) {
  uLong bound = compressBound(static_cast<uLong>(data.size()));
  std::string out(bound, '\0');
  uLongf out_len = bound;
  int rc = compress2(reinterpret_cast<Bytef*>(out.data()), &out_len,
                     reinterpret_cast<const Bytef*>(data.data()), static_cast<uLong>(data.size()), level);
  if (rc != Z_OK) return {};
  out.resize(out_len);
  return out;
}

Inflated inflate_capped(std::string_view data, size_t max_output) {
  if (data.empty()) return failure("zlib: no compressed data", "zlib：没有压缩数据");
  if (data.size() > UINT_MAX) return failure("zlib: input too large", "zlib：输入过大");

  z_stream zs{};
  // windowBits 15 without +16/+32: only the zlib wrapper is accepted, as the service expects.
  if (inflateInit(&zs) != Z_OK) return failure("zlib: cannot initialise", "zlib：无法初始化");
  zs.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
  zs.avail_in = static_cast<uInt>(data.size());

  Inflated result;
  unsigned char chunk[16384];
  for (;;) {
    zs.next_out = chunk;
    zs.avail_out = sizeof chunk;
    int rc = inflate(&zs, Z_NO_FLUSH);
    size_t produced = sizeof chunk - zs.avail_out;
    if (result.data.size() + produced > max_output) {
      inflateEnd(&zs);
      return failure("zlib: the document inflates to more than " + std::to_string(max_output) +
                         " bytes (refused: a real UserSig inflates to a few hundred)",
                     "zlib：解压后超过 " + std::to_string(max_output) + " 字节（已拒绝：真实的 UserSig 解压后只有几百字节）");
    }
    result.data.append(reinterpret_cast<const char*>(chunk), produced);
    if (rc == Z_STREAM_END) break;
    if (rc == Z_OK) continue;
    std::string msg = zs.msg ? zs.msg : "";
    inflateEnd(&zs);
    if (rc == Z_BUF_ERROR)
      return failure("zlib: the compressed data ends early (truncated)", "zlib：压缩数据提前结束（被截断）");
    if (rc == Z_NEED_DICT)
      return failure("zlib: the stream asks for a preset dictionary", "zlib：数据流需要预设字典");
    if (rc == Z_MEM_ERROR) return failure("zlib: out of memory", "zlib：内存不足");
    if (msg == "incorrect header check")
      return failure("zlib: incorrect header check (not zlib data)", "zlib：头部校验错误（不是 zlib 数据）");
    if (msg == "incorrect data check")
      return failure("zlib: incorrect data check (Adler-32 mismatch: the data was altered)",
                     "zlib：数据校验错误（Adler-32 不符：数据被改动）");
    if (msg.empty()) msg = "error " + std::to_string(rc);
    return failure("zlib: " + msg, "zlib：" + msg);
  }
  inflateEnd(&zs);
  return result;
}

}  // namespace timpush::core::zlib_codec
