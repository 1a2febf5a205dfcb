#include "core/base64.h"

#include <array>
#include <cstdio>

namespace timpush::core::base64 {

namespace {

constexpr char standard_alphabet[] =
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

constexpr int invalid = -1;
constexpr int padding = -2;

// Both alphabets decode: '*' and '+' are 62, '-' and '/' are 63, '_' and '=' pad.
constexpr std::array<int, 256> make_table() {
  std::array<int, 256> table{};
  for (auto& v : table) v = invalid;
  for (int i = 0; i < 64; ++i) table[static_cast<unsigned char>(standard_alphabet[i])] = i;
  table['*'] = 62;
  table['-'] = 63;
  table['_'] = padding;
  table['='] = padding;
  return table;
}
constexpr std::array<int, 256> table = make_table();

// How a character is named in a message, readable even when it is invisible or not ASCII.
Words describe(unsigned char c) {
  char hex[8];
  std::snprintf(hex, sizeof hex, "0x%02X", c);
  if (c == ' ') return {"a space", "空格"};
  if (c == '\n' || c == '\r') return {std::string("a line break (") + hex + ")", std::string("换行符 (") + hex + ")"};
  if (c == '\t') return {"a tab (0x09)", "制表符 (0x09)"};
  if (c < 0x20 || c == 0x7F) return {std::string("control character ") + hex, std::string("控制字符 ") + hex};
  if (c >= 0x80) return {std::string("non-ASCII byte ") + hex, std::string("非 ASCII 字节 ") + hex};
  return same(std::string("'") + static_cast<char>(c) + "' (" + hex + ")");
}

// A hint for the usual ways a UserSig gets damaged on its way into a URL or a form.
Words hint(unsigned char c) {
  if (c == ' ')
    return {"; usually a '+' that URL decoding turned into a space (UserSigs use '*' for '+')",
            "；常见原因：URL 解码把 '+' 变成了空格（UserSig 应使用 '*' 代替 '+'）"};
  if (c == '%')
    return {"; the text looks URL-encoded: decode %2A, %2D, %5F and the like first",
            "；看起来被 URL 编码过，请先还原 %2A、%2D、%5F 等"};
  if (c == '"' || c == '\'')
    return {"; remove the quotes", "；请去掉引号"};
  return {};
}

std::string pos_str(size_t position) { return std::to_string(position); }

Decoded fail(size_t position, std::string en, std::string zh) {
  Decoded d;
  d.error = DecodeError{position, std::move(en), std::move(zh)};
  return d;
}

}  // namespace

std::string encode(std::string_view bytes) {
  std::string out;
  out.reserve((bytes.size() + 2) / 3 * 4);
  size_t i = 0;
  auto at = [&](size_t k) { return static_cast<unsigned char>(bytes[k]); };
  for (; i + 3 <= bytes.size(); i += 3) {
    unsigned v = (at(i) << 16) | (at(i + 1) << 8) | at(i + 2);
    out += standard_alphabet[(v >> 18) & 63];
    out += standard_alphabet[(v >> 12) & 63];
    out += standard_alphabet[(v >> 6) & 63];
    out += standard_alphabet[v & 63];
  }
  size_t rest = bytes.size() - i;
  if (rest == 1) {
    unsigned v = at(i) << 16;
    out += standard_alphabet[(v >> 18) & 63];
    out += standard_alphabet[(v >> 12) & 63];
    out += "==";
  } else if (rest == 2) {
    unsigned v = (at(i) << 16) | (at(i + 1) << 8);
    out += standard_alphabet[(v >> 18) & 63];
    out += standard_alphabet[(v >> 12) & 63];
    out += standard_alphabet[(v >> 6) & 63];
    out += '=';
  }
  return out;
}

std::string encode_usersig(std::string_view bytes) {
  std::string out = encode(bytes);
  for (char& c : out) {
    if (c == '+') c = '*';
    else if (c == '/') c = '-';
    else if (c == '=') c = '_';
  }
  return out;
}

Decoded decode_usersig(std::string_view text) {
  if (text.empty()) return fail(0, "no base64 text", "没有 base64 内容");

  // Data runs up to the first padding character; only padding may follow it.
  size_t data_len = text.size();
  for (size_t i = 0; i < text.size(); ++i) {
    auto c = static_cast<unsigned char>(text[i]);
    int v = table[c];
    if (v == padding) {
      data_len = i;
      break;
    }
    if (v == invalid) {
      return fail(i + 1,
                  "not valid base64: character " + pos_str(i + 1) + " is " + describe(c).en +
                      ", which is not in the UserSig alphabet (A-Z a-z 0-9 * - _)" + hint(c).en,
                  "不是有效的 base64：第 " + pos_str(i + 1) + " 个字符是 " + describe(c).zh +
                      "，不属于 UserSig 字符集 (A-Z a-z 0-9 * - _)" + hint(c).zh);
    }
  }
  for (size_t i = data_len; i < text.size(); ++i) {
    auto c = static_cast<unsigned char>(text[i]);
    if (table[c] != padding) {
      return fail(i + 1,
                  "not valid base64: character " + pos_str(i + 1) + " is " + describe(c).en +
                      " after the padding that starts at character " + pos_str(data_len + 1) +
                      " (padding '_' may only end the text)",
                  "不是有效的 base64：第 " + pos_str(i + 1) + " 个字符 " + describe(c).zh +
                      " 出现在第 " + pos_str(data_len + 1) + " 个字符开始的填充之后（填充 '_' 只能在末尾）");
    }
  }
  if (data_len % 4 == 1) {
    return fail(data_len,
                "not valid base64: " + pos_str(data_len) +
                    " characters of data leave one lone character at the end (the text is truncated or has an extra character)",
                "不是有效的 base64：" + pos_str(data_len) + " 个数据字符在末尾多出一个孤立字符（内容被截断或多了一个字符）");
  }
  size_t pad_len = text.size() - data_len;
  size_t pad_needed = (4 - data_len % 4) % 4;
  if (pad_len > pad_needed) {
    return fail(data_len + pad_needed + 1,
                "not valid base64: " + pos_str(pad_len) + " padding characters after " + pos_str(data_len) +
                    " characters of data, at most " + pos_str(pad_needed) + " fit",
                "不是有效的 base64：" + pos_str(data_len) + " 个数据字符后有 " + pos_str(pad_len) +
                    " 个填充字符，最多只能有 " + pos_str(pad_needed) + " 个");
  }

  Decoded d;
  d.bytes.reserve(data_len / 4 * 3 + 2);
  unsigned acc = 0;
  int bits = 0;
  for (size_t i = 0; i < data_len; ++i) {
    acc = (acc << 6) | static_cast<unsigned>(table[static_cast<unsigned char>(text[i])]);
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      d.bytes += static_cast<char>((acc >> bits) & 0xFF);
    }
  }
  // Leftover bits of the last group are ignored, as lenient decoders (and the service's) do.
  return d;
}

}  // namespace timpush::core::base64
