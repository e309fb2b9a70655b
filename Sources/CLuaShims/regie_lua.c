// The one door between Regie and Lua. Everything that may raise a Lua error runs inside
// lua_pcall started from this file, so a longjmp never crosses a Swift frame.
//
// Value transfer uses a small binary encoding shared with RegieLua/LuaValueCoding.swift:
//   'n' nil | 't' true | 'f' false | 'i' int64 LE | 'd' double LE
//   's' u32 length + bytes | 'a' u32 count + values | 'm' u32 count + (u32 length + key bytes, value)*
#include "regie_lua.h"

#include <lauxlib.h>
#include <lua.h>
#include <lualib.h>
#include <stdlib.h>
#include <string.h>

#define MAX_DEPTH 32
#define MAX_RESULT_BYTES (1 << 20)

struct regie_lua {
    lua_State *L;
    size_t used;
    size_t limit;
    int budget_exhausted;
    uint8_t *out;
    size_t out_len;
    size_t out_cap;
};

// MARK: - Allocator with a cap

static void *capped_alloc(void *ud, void *ptr, size_t osize, size_t nsize) {
    struct regie_lua *s = ud;
    size_t old = ptr ? osize : 0;
    if (nsize == 0) {
        free(ptr);
        s->used -= old;
        return NULL;
    }
    if (nsize > old && s->used - old + nsize > s->limit) return NULL;
    void *p = realloc(ptr, nsize);
    if (p) s->used = s->used - old + nsize;
    return p;
}

// MARK: - Instruction budget

static void budget_hook(lua_State *L, lua_Debug *ar) {
    (void)ar;
    struct regie_lua *s;
    lua_getallocf(L, (void **)&s);
    s->budget_exhausted = 1;
    // Fire again on every instruction, so that even code that catches the error cannot go on.
    lua_sethook(L, budget_hook, LUA_MASKCOUNT, 1);
    luaL_error(L, "instruction budget exceeded");
}

static void copy_message(char *dst, size_t cap, const char *src) {
    if (!dst || cap == 0) return;
    if (!src) src = "unknown error";
    size_t n = strlen(src);
    if (n >= cap) n = cap - 1;
    memcpy(dst, src, n);
    dst[n] = 0;
}

static void error_message(lua_State *L, char *dst, size_t cap) {
    // Only strings are read: calling __tostring on an error object would run plugin code.
    if (lua_type(L, -1) == LUA_TSTRING) copy_message(dst, cap, lua_tostring(L, -1));
    else copy_message(dst, cap, "error object is not a string");
}

static regie_lua_status status_of(struct regie_lua *s, int rc) {
    if (s->budget_exhausted) return REGIE_LUA_BUDGET;
    if (rc == LUA_ERRMEM) return REGIE_LUA_MEMORY;
    if (rc == LUA_ERRSYNTAX) return REGIE_LUA_SYNTAX;
    return REGIE_LUA_RUNTIME;
}

// MARK: - Sandbox set-up (runs protected)

static const char *const BASE_NAMES[] = {
    "assert", "error", "ipairs", "next", "pairs", "select", "tonumber", "tostring", "type",
    "rawequal", "rawlen", "rawget", NULL,
};
static const char *const LIBRARY_NAMES[] = {"string", "table", "math", "utf8", NULL};

// Registry keys.
static const char *const KEY_BASE = "regie.base";       // the read-only global table of the sandbox
static const char *const KEY_ENV_META = "regie.envmeta"; // metatable of each call's fresh environment

static int readonly_newindex(lua_State *L) { return luaL_error(L, "the sandbox is read-only"); }

// Pushes a read-only proxy of the table at `index`: reads go through, writes fail, and the
// metatable is hidden so the real table cannot be reached.
static void push_readonly_proxy(lua_State *L, int index) {
    index = lua_absindex(L, index);
    lua_newtable(L);                 // proxy
    lua_newtable(L);                 // metatable
    lua_pushvalue(L, index);
    lua_setfield(L, -2, "__index");
    lua_pushliteral(L, "read-only");
    lua_setfield(L, -2, "__metatable");
    lua_pushcfunction(L, readonly_newindex);
    lua_setfield(L, -2, "__newindex");
    lua_setmetatable(L, -2);
}

static int setup_entry(lua_State *L) {
    const char *prelude = lua_touserdata(L, 1);
    size_t prelude_len = (size_t)lua_tointeger(L, 2);

    luaL_requiref(L, LUA_GNAME, luaopen_base, 1);
    luaL_requiref(L, LUA_STRLIBNAME, luaopen_string, 1);
    luaL_requiref(L, LUA_TABLIBNAME, luaopen_table, 1);
    luaL_requiref(L, LUA_MATHLIBNAME, luaopen_math, 1);
    luaL_requiref(L, LUA_UTF8LIBNAME, luaopen_utf8, 1);
    lua_settop(L, 2);

    // Strings share a metatable whose __index is the real string library: take dump out of it.
    lua_getglobal(L, "string");
    lua_pushnil(L);
    lua_setfield(L, -2, "dump");
    lua_pop(L, 1);
    lua_getglobal(L, "math");
    lua_pushnil(L);
    lua_setfield(L, -2, "random");
    lua_pushnil(L);
    lua_setfield(L, -2, "randomseed");
    lua_pop(L, 1);

    // The writable table the prelude fills; afterwards only its read-only proxy is used.
    lua_newtable(L);
    int base = lua_gettop(L);
    for (const char *const *n = BASE_NAMES; *n; n++) {
        lua_getglobal(L, *n);
        lua_setfield(L, base, *n);
    }
    for (const char *const *n = LIBRARY_NAMES; *n; n++) {
        lua_getglobal(L, *n);
        push_readonly_proxy(L, -1);
        lua_setfield(L, base, *n);
        lua_pop(L, 1);
    }
    if (prelude_len > 0) {
        if (luaL_loadbufferx(L, prelude, prelude_len, "=prelude", "t") != LUA_OK) lua_error(L);
        lua_pushvalue(L, base);
        lua_setupvalue(L, -2, 1);
        lua_call(L, 0, 0);
    }
    push_readonly_proxy(L, base);
    lua_setfield(L, LUA_REGISTRYINDEX, KEY_BASE);

    lua_newtable(L);
    lua_getfield(L, LUA_REGISTRYINDEX, KEY_BASE);
    lua_setfield(L, -2, "__index");
    lua_pushliteral(L, "sandbox");
    lua_setfield(L, -2, "__metatable");
    lua_setfield(L, LUA_REGISTRYINDEX, KEY_ENV_META);

    // Nothing outside the sandbox stays reachable through the real globals.
    lua_pushglobaltable(L);
    lua_pushnil(L);
    while (lua_next(L, -2)) {
        lua_pop(L, 1);
        lua_pushvalue(L, -1);
        lua_pushnil(L);
        lua_rawset(L, -4);
    }
    return 0;
}

regie_lua *regie_lua_open(size_t memory_limit, const char *prelude, size_t prelude_len,
                          char *message, size_t message_cap) {
    struct regie_lua *s = calloc(1, sizeof *s);
    if (!s) {
        copy_message(message, message_cap, "out of memory");
        return NULL;
    }
    s->limit = memory_limit;
    s->L = lua_newstate(capped_alloc, s);
    if (!s->L) {
        free(s);
        copy_message(message, message_cap, "the memory limit is too small for a Lua state");
        return NULL;
    }
    lua_pushcfunction(s->L, setup_entry);
    lua_pushlightuserdata(s->L, (void *)prelude);
    lua_pushinteger(s->L, (lua_Integer)prelude_len);
    int rc = lua_pcall(s->L, 2, 0, 0);
    if (rc != LUA_OK) {
        error_message(s->L, message, message_cap);
        regie_lua_close(s);
        return NULL;
    }
    return s;
}

void regie_lua_close(regie_lua *s) {
    if (!s) return;
    if (s->L) lua_close(s->L);
    free(s->out);
    free(s);
}

size_t regie_lua_memory_in_use(const regie_lua *s) { return s->used; }

// MARK: - Compile

struct compile_args {
    const char *name;
    const char *source;
    size_t length;
    int load_status;
};

// Leaves the reference, or the load error's message (with load_status set), on the stack.
static int compile_entry(lua_State *L) {
    struct compile_args *a = lua_touserdata(L, 1);
    a->load_status = luaL_loadbufferx(L, a->source, a->length, a->name, "t");
    if (a->load_status != LUA_OK) return 1;
    lua_pushinteger(L, luaL_ref(L, LUA_REGISTRYINDEX));
    return 1;
}

int regie_lua_compile(regie_lua *s, const char *chunk_name, const char *source, size_t length,
                      regie_lua_status *status, char *message, size_t message_cap) {
    struct compile_args a = {chunk_name, source, length, LUA_OK};
    lua_State *L = s->L;
    s->budget_exhausted = 0;
    lua_pushcfunction(L, compile_entry);
    lua_pushlightuserdata(L, &a);
    int rc = lua_pcall(L, 1, 1, 0);
    if (rc == LUA_OK && a.load_status != LUA_OK) rc = a.load_status;
    if (rc != LUA_OK) {
        *status = status_of(s, rc);
        error_message(L, message, message_cap);
        lua_pop(L, 1);
        return -1;
    }
    int ref = (int)lua_tointeger(L, -1);
    lua_pop(L, 1);
    *status = REGIE_LUA_OK;
    return ref;
}

// MARK: - Decoding arguments (runs protected)

struct reader {
    const uint8_t *p;
    const uint8_t *end;
};

static int read_bytes(lua_State *L, struct reader *r, void *dst, size_t n) {
    if ((size_t)(r->end - r->p) < n) return luaL_error(L, "truncated value");
    memcpy(dst, r->p, n);
    r->p += n;
    return 0;
}

static uint32_t read_u32(lua_State *L, struct reader *r) {
    uint8_t b[4];
    read_bytes(L, r, b, 4);
    return (uint32_t)b[0] | (uint32_t)b[1] << 8 | (uint32_t)b[2] << 16 | (uint32_t)b[3] << 24;
}

static uint64_t read_u64(lua_State *L, struct reader *r) {
    uint8_t b[8];
    read_bytes(L, r, b, 8);
    uint64_t v = 0;
    for (int i = 7; i >= 0; i--) v = v << 8 | b[i];
    return v;
}

static void push_string(lua_State *L, struct reader *r) {
    uint32_t n = read_u32(L, r);
    if ((size_t)(r->end - r->p) < n) luaL_error(L, "truncated string");
    lua_pushlstring(L, (const char *)r->p, n);
    r->p += n;
}

static void decode_value(lua_State *L, struct reader *r, int depth) {
    if (depth > MAX_DEPTH) luaL_error(L, "value nested too deeply");
    luaL_checkstack(L, 4, "value nested too deeply");
    uint8_t tag;
    read_bytes(L, r, &tag, 1);
    switch (tag) {
    case 'n': lua_pushnil(L); break;
    case 't': lua_pushboolean(L, 1); break;
    case 'f': lua_pushboolean(L, 0); break;
    case 'i': lua_pushinteger(L, (lua_Integer)read_u64(L, r)); break;
    case 'd': {
        uint64_t bits = read_u64(L, r);
        double d;
        memcpy(&d, &bits, sizeof d);
        lua_pushnumber(L, d);
        break;
    }
    case 's': push_string(L, r); break;
    case 'a': {
        uint32_t n = read_u32(L, r);
        lua_createtable(L, (int)(n < 1024 ? n : 1024), 0);
        for (uint32_t i = 1; i <= n; i++) {
            decode_value(L, r, depth + 1);
            lua_rawseti(L, -2, (lua_Integer)i);
        }
        break;
    }
    case 'm': {
        uint32_t n = read_u32(L, r);
        lua_createtable(L, 0, (int)(n < 1024 ? n : 1024));
        for (uint32_t i = 0; i < n; i++) {
            push_string(L, r);
            decode_value(L, r, depth + 1);
            lua_rawset(L, -3);
        }
        break;
    }
    default: luaL_error(L, "unknown value tag %d", (int)tag);
    }
}

// MARK: - Encoding results (runs protected)

static void out_append(lua_State *L, struct regie_lua *s, const void *bytes, size_t n) {
    if (s->out_len + n > MAX_RESULT_BYTES) luaL_error(L, "result is larger than %d bytes", MAX_RESULT_BYTES);
    if (s->out_len + n > s->out_cap) {
        size_t cap = s->out_cap ? s->out_cap : 256;
        while (cap < s->out_len + n) cap *= 2;
        uint8_t *p = realloc(s->out, cap);
        if (!p) luaL_error(L, "not enough memory for the result");
        s->out = p;
        s->out_cap = cap;
    }
    memcpy(s->out + s->out_len, bytes, n);
    s->out_len += n;
}

static void out_u32(lua_State *L, struct regie_lua *s, uint32_t v) {
    uint8_t b[4] = {(uint8_t)v, (uint8_t)(v >> 8), (uint8_t)(v >> 16), (uint8_t)(v >> 24)};
    out_append(L, s, b, 4);
}

static void out_u64(lua_State *L, struct regie_lua *s, uint64_t v) {
    uint8_t b[8];
    for (int i = 0; i < 8; i++) b[i] = (uint8_t)(v >> (8 * i));
    out_append(L, s, b, 8);
}

static void out_tag(lua_State *L, struct regie_lua *s, char tag) { out_append(L, s, &tag, 1); }

// Encodes the value at `index` using raw access only, so no metamethod (plugin code) runs.
static void encode_value(lua_State *L, struct regie_lua *s, int index, int depth) {
    if (depth > MAX_DEPTH) luaL_error(L, "result nested too deeply");
    luaL_checkstack(L, 4, "result nested too deeply");
    index = lua_absindex(L, index);
    switch (lua_type(L, index)) {
    case LUA_TNIL: out_tag(L, s, 'n'); break;
    case LUA_TBOOLEAN: out_tag(L, s, lua_toboolean(L, index) ? 't' : 'f'); break;
    case LUA_TNUMBER:
        if (lua_isinteger(L, index)) {
            out_tag(L, s, 'i');
            out_u64(L, s, (uint64_t)lua_tointeger(L, index));
        } else {
            double d = lua_tonumber(L, index);
            uint64_t bits;
            memcpy(&bits, &d, sizeof bits);
            out_tag(L, s, 'd');
            out_u64(L, s, bits);
        }
        break;
    case LUA_TSTRING: {
        size_t n;
        const char *str = lua_tolstring(L, index, &n);
        out_tag(L, s, 's');
        out_u32(L, s, (uint32_t)n);
        out_append(L, s, str, n);
        break;
    }
    case LUA_TTABLE: {
        lua_Unsigned n = lua_rawlen(L, index);
        // A table is an array when its keys are exactly 1..n; otherwise every key must be a string.
        size_t keys = 0, in_range = 0;
        int all_strings = 1;
        lua_pushnil(L);
        while (lua_next(L, index)) {
            keys++;
            if (lua_type(L, -2) != LUA_TSTRING) all_strings = 0;
            if (lua_isinteger(L, -2)) {
                lua_Integer k = lua_tointeger(L, -2);
                if (k >= 1 && (lua_Unsigned)k <= n) in_range++;
            }
            lua_pop(L, 1);
        }
        if (keys == n && in_range == n) {
            out_tag(L, s, 'a');
            out_u32(L, s, (uint32_t)n);
            for (lua_Unsigned i = 1; i <= n; i++) {
                lua_rawgeti(L, index, (lua_Integer)i);
                encode_value(L, s, -1, depth + 1);
                lua_pop(L, 1);
            }
        } else if (all_strings) {
            out_tag(L, s, 'm');
            out_u32(L, s, (uint32_t)keys);
            lua_pushnil(L);
            while (lua_next(L, index)) {
                size_t kn;
                const char *k = lua_tolstring(L, -2, &kn);  // a string key: no conversion happens
                out_u32(L, s, (uint32_t)kn);
                out_append(L, s, k, kn);
                encode_value(L, s, -1, depth + 1);
                lua_pop(L, 1);
            }
        } else {
            luaL_error(L, "a table in the result mixes array and non-string keys");
        }
        break;
    }
    default: luaL_error(L, "a %s cannot be returned", luaL_typename(L, index));
    }
}

// MARK: - Call

struct call_args {
    struct regie_lua *s;
    int reference;
    const char *name;
    const uint8_t *argument;
    size_t argument_length;
    long budget;
};

static int call_entry(lua_State *L) {
    struct call_args *a = lua_touserdata(L, 1);
    struct regie_lua *s = a->s;
    lua_settop(L, 0);
    lua_rawgeti(L, LUA_REGISTRYINDEX, a->reference);  // 1: the chunk
    if (lua_type(L, 1) != LUA_TFUNCTION) luaL_error(L, "no compiled chunk with this reference");
    lua_newtable(L);                                  // 2: a fresh environment for this call
    lua_getfield(L, LUA_REGISTRYINDEX, KEY_ENV_META);
    lua_setmetatable(L, 2);
    struct reader r = {a->argument, a->argument + a->argument_length};
    decode_value(L, &r, 0);
    if (r.p != r.end) luaL_error(L, "trailing bytes after the argument");
    lua_setfield(L, 2, a->name);
    lua_pushvalue(L, 2);
    if (!lua_setupvalue(L, 1, 1)) lua_pop(L, 1);      // a chunk's first upvalue is its _ENV
    lua_settop(L, 1);
    lua_sethook(L, budget_hook, LUA_MASKCOUNT, (int)(a->budget > 0x7fffffff ? 0x7fffffff : a->budget));
    lua_call(L, 0, 1);
    lua_sethook(L, NULL, 0, 0);
    s->out_len = 0;
    encode_value(L, s, -1, 0);
    return 0;
}

regie_lua_status regie_lua_call(regie_lua *s, int reference, const char *name,
                                const uint8_t *argument, size_t argument_length,
                                long instruction_budget,
                                const uint8_t **result, size_t *result_length,
                                char *message, size_t message_cap) {
    lua_State *L = s->L;
    struct call_args a = {s, reference, name, argument, argument_length, instruction_budget};
    s->budget_exhausted = 0;
    lua_pushcfunction(L, call_entry);
    lua_pushlightuserdata(L, &a);
    int rc = lua_pcall(L, 1, 0, 0);
    lua_sethook(L, NULL, 0, 0);
    if (rc != LUA_OK) {
        regie_lua_status st = status_of(s, rc);
        error_message(L, message, message_cap);
        lua_settop(L, 0);
        return st;
    }
    lua_settop(L, 0);
    *result = s->out;
    *result_length = s->out_len;
    return REGIE_LUA_OK;
}
