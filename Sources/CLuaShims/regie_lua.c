// The one door between Regie and Lua. Everything that may raise a Lua error runs inside
// lua_pcall started from this file, so a longjmp never crosses a Swift frame.
//
// Value transfer uses a small binary encoding shared with RegieLua/LuaValueCoding.swift:
//   'n' nil | 't' true | 'f' false | 'i' int64 LE | 'd' double LE
//   's' u32 length + bytes | 'a' u32 count + values | 'm' u32 count + (u32 length + key bytes, value)*
//   'L' u32 byte length + one value: the same value, with its size up front so it can be skipped
//       at once (the case snapshot, read lazily)
//
// The sandbox's rules (docs/plugins.md): text chunks only; an allow-list of base functions and
// read-only copies of string, table, math and utf8; no coroutines (Lua 5.4.4 has crash bugs
// around coroutine.close), no next, no xpcall; `pairs` visits keys in a fixed order and
// `tostring`/`string.format` never show addresses, so two runs agree; budgets for
// instructions, memory and wall-clock time that the plugin cannot catch.
#include "regie_lua.h"

#include <lauxlib.h>
#include <lua.h>
#include <lualib.h>
#include <math.h>
#include <pthread.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#define MAX_DEPTH 32
#define MAX_RESULT_BYTES (1 << 20)
/// Instructions between two looks at the budget and the clock.
#define HOOK_PERIOD 100
/// The longest string `string.rep` may build.
#define MAX_REP_BYTES (1 << 20)

/// Why the current call is being stopped; once set, every further instruction raises again.
enum stop_reason { STOP_NONE = 0, STOP_BUDGET, STOP_MEMORY, STOP_DEADLINE };

struct regie_lua {
    lua_State *L;
    size_t used;
    size_t limit;
    enum stop_reason stop;
    char stop_where[128];  // "file:line: " of the code that was running when the call was stopped
    int bad_value;  // set when a value could not be transferred
    long generation;  // counts calls; a lazy case belongs to one
    long remaining;
    int period;
    struct timespec deadline;
    uint8_t *out;
    size_t out_len;
    size_t out_cap;
    // The library functions the guarded versions call after their checks.
    lua_CFunction original_rep, original_format, original_find;
    lua_CFunction original_insert, original_remove, original_sort, original_concat, original_unpack, original_move;
};

static struct regie_lua *state_of(lua_State *L) {
    struct regie_lua *s;
    lua_getallocf(L, (void **)&s);
    return s;
}

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

// MARK: - Budgets

static const char *stop_message(enum stop_reason reason) {
    switch (reason) {
    case STOP_MEMORY: return "memory limit reached";
    case STOP_DEADLINE: return "time limit reached";
    default: return "instruction budget exceeded";
    }
}

static void budget_hook(lua_State *L, lua_Debug *ar);

/// Stops the call for good: the hook now fires on every instruction, so code that catches the
/// error (in a to-be-closed handler, say) cannot run on.
static int stop_call(lua_State *L, struct regie_lua *s, enum stop_reason reason) {
    if (s->stop == STOP_NONE) s->stop = reason;
    lua_sethook(L, budget_hook, LUA_MASKCOUNT, 1);
    return luaL_error(L, "%s", stop_message(s->stop));
}

static int past_deadline(const struct regie_lua *s) {
    struct timespec now;
    clock_gettime(CLOCK_MONOTONIC, &now);
    return now.tv_sec > s->deadline.tv_sec || (now.tv_sec == s->deadline.tv_sec && now.tv_nsec >= s->deadline.tv_nsec);
}

/// Remembers where the plugin was when a budget ran out, for the error message.
static void note_where(struct regie_lua *s, lua_State *L, lua_Debug *ar) {
    if (s->stop_where[0] || !lua_getinfo(L, "Sl", ar) || ar->currentline <= 0) return;
    snprintf(s->stop_where, sizeof s->stop_where, "%s:%d: ", ar->short_src, ar->currentline);
}

static void budget_hook(lua_State *L, lua_Debug *ar) {
    struct regie_lua *s = state_of(L);
    if (s->stop != STOP_NONE) stop_call(L, s, s->stop);
    s->remaining -= s->period;
    int out_of_budget = s->remaining <= 0, out_of_time = !out_of_budget && past_deadline(s);
    if (out_of_budget || out_of_time) {
        note_where(s, L, ar);
        stop_call(L, s, out_of_budget ? STOP_BUDGET : STOP_DEADLINE);
    }
}

/// Charges work done inside a C library function to the instruction budget.
static void charge(lua_State *L, double cost) {
    struct regie_lua *s = state_of(L);
    if (s->stop != STOP_NONE) stop_call(L, s, s->stop);
    int out_of_budget = cost >= (double)s->remaining;
    s->remaining = out_of_budget ? 0 : s->remaining - (long)cost;
    if (out_of_budget || past_deadline(s)) {
        lua_Debug ar;
        if (lua_getstack(L, 1, &ar)) note_where(s, L, &ar);  // the Lua code that called the library function
        stop_call(L, s, out_of_budget ? STOP_BUDGET : STOP_DEADLINE);
    }
}

static void begin_budget(struct regie_lua *s, regie_lua_budget budget) {
    s->stop = STOP_NONE;
    s->bad_value = 0;
    s->stop_where[0] = 0;
    s->generation++;
    s->remaining = budget.instructions > 0 ? budget.instructions : 1;
    s->period = s->remaining < HOOK_PERIOD ? (int)s->remaining : HOOK_PERIOD;
    long ms = budget.milliseconds > 0 ? budget.milliseconds : 1;
    clock_gettime(CLOCK_MONOTONIC, &s->deadline);
    s->deadline.tv_sec += ms / 1000;
    s->deadline.tv_nsec += (ms % 1000) * 1000000L;
    if (s->deadline.tv_nsec >= 1000000000L) {
        s->deadline.tv_sec += 1;
        s->deadline.tv_nsec -= 1000000000L;
    }
    lua_sethook(s->L, budget_hook, LUA_MASKCOUNT, s->period);
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
    else copy_message(dst, cap, "the error value is not a string");
}

static regie_lua_status status_of(struct regie_lua *s, int rc) {
    if (s->bad_value) return REGIE_LUA_VALUE;
    switch (s->stop) {
    case STOP_BUDGET: return REGIE_LUA_BUDGET;
    case STOP_MEMORY: return REGIE_LUA_MEMORY;
    case STOP_DEADLINE: return REGIE_LUA_DEADLINE;
    default: break;
    }
    if (rc == LUA_ERRMEM) return REGIE_LUA_MEMORY;
    if (rc == LUA_ERRSYNTAX) return REGIE_LUA_SYNTAX;
    return REGIE_LUA_RUNTIME;
}

// MARK: - Guarded functions for the sandbox

/// pcall that lets a budget, memory or deadline stop pass through: the plugin can catch its
/// own errors, never the sandbox's.
static int guarded_pcall(lua_State *L) {
    luaL_checkany(L, 1);
    struct regie_lua *s = state_of(L);
    int rc = lua_pcall(L, lua_gettop(L) - 1, LUA_MULTRET, 0);
    if (rc == LUA_ERRMEM && s->stop == STOP_NONE) s->stop = STOP_MEMORY;
    if (s->stop != STOP_NONE) return stop_call(L, s, s->stop);
    lua_pushboolean(L, rc == LUA_OK);
    lua_insert(L, 1);
    return lua_gettop(L);
}

/// The metatable of every table used as a metatable: adding `__gc` or `__mode` to it later is
/// refused, and it cannot be swapped for another (`__metatable`).
static int metatable_newindex(lua_State *L) {
    const char *key = lua_type(L, 2) == LUA_TSTRING ? lua_tostring(L, 2) : NULL;
    if (key && strcmp(key, "__gc") == 0) return luaL_error(L, "finalizers (__gc) are not allowed in the sandbox");
    if (key && strcmp(key, "__mode") == 0) return luaL_error(L, "weak tables (__mode) are not allowed in the sandbox");
    lua_settop(L, 3);
    lua_rawset(L, 1);
    return 0;
}

static const char METATABLE_GUARD[] = "regie.metatable_guard";

/// setmetatable without finalizers (they would run at a time no budget covers) and without
/// weak tables (what they keep depends on when the collector runs, so runs could disagree).
/// The check holds afterwards too: the metatable itself gets a guard that refuses `__gc` and
/// `__mode` when they are added later.
static int guarded_setmetatable(lua_State *L) {
    luaL_checktype(L, 1, LUA_TTABLE);
    int t = lua_type(L, 2);
    luaL_argexpected(L, t == LUA_TNIL || t == LUA_TTABLE, 2, "nil or table");
    if (t == LUA_TTABLE) {
        lua_pushliteral(L, "__gc");
        if (lua_rawget(L, 2) != LUA_TNIL) return luaL_error(L, "finalizers (__gc) are not allowed in the sandbox");
        lua_pop(L, 1);
        lua_pushliteral(L, "__mode");
        if (lua_rawget(L, 2) != LUA_TNIL) return luaL_error(L, "weak tables (__mode) are not allowed in the sandbox");
        lua_pop(L, 1);
        if (luaL_newmetatable(L, METATABLE_GUARD)) {
            lua_pushcfunction(L, metatable_newindex);
            lua_setfield(L, -2, "__newindex");
            lua_pushboolean(L, 0);
            lua_setfield(L, -2, "__metatable");
        }
        int guard = lua_gettop(L);
        if (lua_getmetatable(L, 2)) {
            int same = lua_rawequal(L, -1, guard);
            lua_pop(L, 1);
            if (!same) return luaL_error(L, "a table that has a metatable of its own cannot be a metatable in the sandbox");
        } else {
            lua_pushvalue(L, guard);
            lua_setmetatable(L, 2);
        }
        lua_pop(L, 1);
    }
    if (luaL_getmetafield(L, 1, "__metatable") != LUA_TNIL) return luaL_error(L, "cannot change a protected metatable");
    lua_settop(L, 2);
    lua_setmetatable(L, 1);
    return 1;
}

static int has_tostring(lua_State *L, int index) {
    if (luaL_getmetafield(L, index, "__tostring") == LUA_TNIL) return 0;
    lua_pop(L, 1);
    return 1;
}

/// tostring without addresses: a table shows as "table", so output never depends on where
/// the allocator put something.
static int guarded_tostring(lua_State *L) {
    luaL_checkany(L, 1);
    int t = lua_type(L, 1);
    if ((t == LUA_TTABLE || t == LUA_TFUNCTION || t == LUA_TUSERDATA || t == LUA_TTHREAD || t == LUA_TLIGHTUSERDATA)
        && !has_tostring(L, 1)) {
        lua_pushstring(L, lua_typename(L, t));
        return 1;
    }
    luaL_tolstring(L, 1, NULL);
    return 1;
}

/// string.format without `%p` (an address) and with address-free text for tables in `%s`.
static int guarded_format(lua_State *L) {
    size_t n;
    const char *f = luaL_checklstring(L, 1, &n);
    for (size_t i = 0; i < n; i++) {
        if (f[i] != '%') continue;
        size_t j = i + 1;
        while (j < n && strchr("-+ #0123456789.", f[j])) j++;
        if (j < n && f[j] == 'p') return luaL_error(L, "string.format: '%%p' is not available in the sandbox");
        i = j;
    }
    int top = lua_gettop(L);
    for (int i = 2; i <= top; i++) {
        int t = lua_type(L, i);
        if ((t == LUA_TTABLE || t == LUA_TFUNCTION) && !has_tostring(L, i)) {
            lua_pushstring(L, lua_typename(L, t));
            lua_replace(L, i);
        }
    }
    return state_of(L)->original_format(L);
}

/// string.rep with a cap on the result and on the repeat count (an empty string repeated
/// 10^15 times would loop in C without ever reaching the instruction hook).
static int guarded_rep(lua_State *L) {
    size_t l, lsep = 0;
    luaL_checklstring(L, 1, &l);
    lua_Integer n = luaL_checkinteger(L, 2);
    luaL_optlstring(L, 3, "", &lsep);
    if (n > 0) {
        double total = (double)n * (double)l + (double)(n - 1) * (double)lsep;
        if (n > MAX_REP_BYTES || total > MAX_REP_BYTES)
            return luaL_error(L, "string.rep: the result would be longer than %d bytes", MAX_REP_BYTES);
        charge(L, (double)n / 16 + total / 64);
    }
    return state_of(L)->original_rep(L);
}

/// Plain string.find, charged for the comparisons it may make. The pattern forms run as Lua
/// code (see LuaStringPatterns.swift) and are counted instruction by instruction.
static int guarded_plain_find(lua_State *L) {
    size_t ls, lp;
    luaL_checklstring(L, 1, &ls);
    luaL_checklstring(L, 2, &lp);
    charge(L, (double)ls * (double)(lp < 64 ? 1 : lp / 64) / 16);
    lua_settop(L, 3);
    lua_pushboolean(L, 1);
    return state_of(L)->original_find(L);
}

static lua_Integer length_of(lua_State *L, int index) {
    luaL_checktype(L, index, LUA_TTABLE);
    return (lua_Integer)lua_rawlen(L, index);
}

static int guarded_insert(lua_State *L) {
    charge(L, (double)length_of(L, 1));
    return state_of(L)->original_insert(L);
}

static int guarded_remove(lua_State *L) {
    charge(L, (double)length_of(L, 1));
    return state_of(L)->original_remove(L);
}

/// Whether the value at `a` sorts before the one at `b`: the plugin's comparator (at index 2)
/// when it gave one, else Lua's `<`.
static int sort_less(lua_State *L, int has_comparator, int a, int b) {
    if (!has_comparator) return lua_compare(L, a, b, LUA_OPLT);
    lua_pushvalue(L, 2);
    lua_pushvalue(L, a);
    lua_pushvalue(L, b);
    lua_call(L, 2, 1);
    int less = lua_toboolean(L, -1);
    lua_pop(L, 1);
    return less;
}

/// table.sort, made deterministic: a stable bottom-up merge sort. Lua's own quicksort picks
/// its pivot from the clock on large arrays, so equal elements (and an inconsistent
/// comparator) came out in another order from run to run, and `audit verify` saw verdicts
/// differ. Every comparison runs Lua code or `<`, so the budget and the deadline stop it.
static int guarded_sort(lua_State *L) {
    lua_Integer n = length_of(L, 1);
    charge(L, n > 1 ? (double)n * log2((double)n) + (double)n : 1);
    int has_comparator = !lua_isnoneornil(L, 2);
    if (has_comparator) luaL_checktype(L, 2, LUA_TFUNCTION);
    lua_settop(L, 2);
    if (n < 2) return 0;
    if (n > (1 << 26)) return luaL_error(L, "table.sort: array too big");
    lua_createtable(L, (int)n, 0);  /* 3: one buffer */
    lua_createtable(L, (int)n, 0);  /* 4: the other */
    for (lua_Integer i = 1; i <= n; i++) {
        lua_geti(L, 1, i);
        lua_seti(L, 3, i);
    }
    int from = 3, to = 4;
    for (lua_Integer width = 1; width < n; width *= 2) {
        for (lua_Integer low = 1; low <= n; low += 2 * width) {
            lua_Integer middle = low + width <= n + 1 ? low + width : n + 1;
            lua_Integer high = low + 2 * width <= n + 1 ? low + 2 * width : n + 1;
            lua_Integer i = low, j = middle, k = low;
            while (i < middle && j < high) {
                lua_geti(L, from, i);  /* left */
                lua_geti(L, from, j);  /* right */
                int top = lua_gettop(L);
                /* The right one goes first only when strictly less: equal elements keep their order. */
                if (sort_less(L, has_comparator, top, top - 1)) {
                    lua_seti(L, to, k++);
                    lua_pop(L, 1);
                    j++;
                } else {
                    lua_pop(L, 1);
                    lua_seti(L, to, k++);
                    i++;
                }
            }
            while (i < middle) { lua_geti(L, from, i++); lua_seti(L, to, k++); }
            while (j < high) { lua_geti(L, from, j++); lua_seti(L, to, k++); }
        }
        int swap = from; from = to; to = swap;
    }
    for (lua_Integer i = 1; i <= n; i++) {
        lua_geti(L, from, i);
        lua_seti(L, 1, i);
    }
    return 0;
}

static int guarded_concat(lua_State *L) {
    lua_Integer i = luaL_optinteger(L, 3, 1);
    lua_Integer j = lua_isnoneornil(L, 4) ? length_of(L, 1) : luaL_checkinteger(L, 4);
    if (j >= i) charge(L, (double)j - (double)i + 1);
    return state_of(L)->original_concat(L);
}

static int guarded_unpack(lua_State *L) {
    lua_Integer i = luaL_optinteger(L, 2, 1);
    lua_Integer j = lua_isnoneornil(L, 3) ? length_of(L, 1) : luaL_checkinteger(L, 3);
    if (j >= i) charge(L, (double)j - (double)i + 1);
    return state_of(L)->original_unpack(L);
}

/// table.move loops over its whole range in C, even over nothing: charge the range first.
static int guarded_move(lua_State *L) {
    lua_Integer f = luaL_checkinteger(L, 2);
    lua_Integer e = luaL_checkinteger(L, 3);
    if (e >= f) charge(L, (double)e - (double)f + 1);
    return state_of(L)->original_move(L);
}

// MARK: - pairs in a fixed order

static void materialize(lua_State *L, int index);

static int key_rank(lua_State *L, int index) {
    switch (lua_type(L, index)) {
    case LUA_TNUMBER: return 0;
    case LUA_TSTRING: return 1;
    case LUA_TBOOLEAN: return 2;
    default: return -1;
    }
}

static int key_less(lua_State *L) {
    int a = key_rank(L, 1), b = key_rank(L, 2);
    if (a != b) {
        lua_pushboolean(L, a < b);
    } else if (a == 0) {
        lua_pushboolean(L, lua_compare(L, 1, 2, LUA_OPLT));  // numbers: no metamethod runs
    } else if (a == 1) {
        size_t la, lb;
        const char *sa = lua_tolstring(L, 1, &la), *sb = lua_tolstring(L, 2, &lb);
        int c = memcmp(sa, sb, la < lb ? la : lb);  // bytes, not the locale's collation
        lua_pushboolean(L, c < 0 || (c == 0 && la < lb));
    } else {
        lua_pushboolean(L, !lua_toboolean(L, 1) && lua_toboolean(L, 2));
    }
    return 1;
}

static int ordered_next(lua_State *L) {
    for (;;) {
        lua_Integer i = lua_tointeger(L, lua_upvalueindex(3)) + 1;
        lua_pushinteger(L, i);
        lua_replace(L, lua_upvalueindex(3));
        if (lua_rawgeti(L, lua_upvalueindex(2), i) == LUA_TNIL) return 0;
        lua_pushvalue(L, -1);
        if (lua_rawget(L, lua_upvalueindex(1)) != LUA_TNIL) return 2;
        lua_pop(L, 2);  // removed while iterating: skip it
    }
}

/// pairs that visits numbers in order, then strings byte-wise, then false and true. Lua's own
/// order depends on a hash seed chosen per process, so two runs would disagree.
static int ordered_pairs(lua_State *L) {
    luaL_checktype(L, 1, LUA_TTABLE);
    lua_settop(L, 1);
    materialize(L, 1);
    lua_newtable(L);  // 2: keys
    lua_Integer n = 0;
    lua_pushnil(L);
    while (lua_next(L, 1)) {
        lua_pop(L, 1);
        if (key_rank(L, -1) < 0)
            return luaL_error(L, "pairs: a table with %s keys has no fixed order; use an array", luaL_typename(L, -1));
        lua_pushvalue(L, -1);
        lua_rawseti(L, 2, ++n);
    }
    charge(L, n > 1 ? (double)n * log2((double)n) + (double)n : 1);
    lua_pushcfunction(L, state_of(L)->original_sort);
    lua_pushvalue(L, 2);
    lua_pushcfunction(L, key_less);
    lua_call(L, 2, 0);
    lua_pushinteger(L, 0);
    lua_pushcclosure(L, ordered_next, 3);  // upvalues: the table, its keys, the position
    return 1;
}

// MARK: - Sandbox set-up (runs protected)

static const char *const BASE_NAMES[] = {
    "assert", "error", "ipairs", "select", "tonumber", "type", "getmetatable",
    "rawequal", "rawlen", "rawget", NULL,
};
static const char *const LIBRARY_NAMES[] = {"string", "table", "math", "utf8", NULL};
/// Taken out of the libraries: bytecode, randomness, and functions nobody needs that widen
/// what a plugin can reach.
static const char *const REMOVED[][2] = {
    {"string", "dump"}, {"string", "pack"}, {"string", "unpack"}, {"string", "packsize"},
    {"math", "random"}, {"math", "randomseed"}, {NULL, NULL},
};

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

static lua_CFunction replace(lua_State *L, int library, const char *name, lua_CFunction guarded) {
    lua_getfield(L, library, name);
    lua_CFunction original = lua_tocfunction(L, -1);
    lua_pop(L, 1);
    if (!original) luaL_error(L, "the Lua library has no C function %s", name);
    lua_pushcfunction(L, guarded);
    lua_setfield(L, library, name);
    return original;
}

// MARK: - Regie's own Lua code, compiled once per process

/// Regie's own chunks (the pattern functions, the prelude) compiled once and kept as bytecode:
/// compiling them took most of the time of starting a sandbox. Only these trusted chunks are
/// ever loaded as bytecode; plugins are always loaded as text.
struct compiled_chunk {
    char *source;
    size_t source_len;
    char *code;
    size_t code_len;
};

static pthread_mutex_t compiled_lock = PTHREAD_MUTEX_INITIALIZER;
static struct compiled_chunk compiled[8];
static int compiled_count = 0;

static int dump_writer(lua_State *L, const void *p, size_t sz, void *ud) {
    (void)L;
    struct compiled_chunk *c = ud;
    char *grown = realloc(c->code, c->code_len + sz);
    if (!grown) return 1;
    memcpy(grown + c->code_len, p, sz);
    c->code = grown;
    c->code_len += sz;
    return 0;
}

/// The bytecode of a trusted chunk, compiled on first use; NULL when it cannot be made (the
/// caller then loads the text).
static const struct compiled_chunk *compiled_chunk_for(const char *source, size_t length, const char *name) {
    const struct compiled_chunk *found = NULL;
    pthread_mutex_lock(&compiled_lock);
    for (int i = 0; i < compiled_count && !found; i++) {
        if (compiled[i].source_len == length && memcmp(compiled[i].source, source, length) == 0) found = &compiled[i];
    }
    if (!found && compiled_count < (int)(sizeof compiled / sizeof compiled[0])) {
        struct compiled_chunk c = {malloc(length ? length : 1), length, NULL, 0};
        lua_State *scratch = luaL_newstate();
        if (c.source && scratch && luaL_loadbufferx(scratch, source, length, name, "t") == LUA_OK
            && lua_dump(scratch, dump_writer, &c, 0) == 0 && c.code_len > 0) {
            memcpy(c.source, source, length);
            compiled[compiled_count] = c;
            found = &compiled[compiled_count++];
        } else {
            free(c.source);
            free(c.code);
        }
        if (scratch) lua_close(scratch);
    }
    pthread_mutex_unlock(&compiled_lock);
    return found;
}

/// Loads one of Regie's own chunks: its cached bytecode, else its text.
static void load_trusted(lua_State *L, const char *source, size_t length, const char *name) {
    const struct compiled_chunk *c = compiled_chunk_for(source, length, name);
    int rc = c ? luaL_loadbufferx(L, c->code, c->code_len, name, "b") : luaL_loadbufferx(L, source, length, name, "t");
    if (rc != LUA_OK) lua_error(L);
}

static void run_source(lua_State *L, const char *source, size_t length, const char *name, int env, int nresults) {
    load_trusted(L, source, length, name);
    lua_pushvalue(L, env);
    lua_setupvalue(L, -2, 1);
    lua_call(L, 0, nresults);
}

/// Replaces string.find, match, gmatch and gsub (index 1 is the real string library, index 2
/// the table library) with the versions written in Lua (RegieLua/LuaStringPatterns.swift), so
/// that the instruction budget counts their work.
static void install_pattern_functions(lua_State *L, const char *source, size_t length) {
    lua_newtable(L);  // 3: what the pattern source may use
    int tools = 3;
    const char *const string_tools[] = {"byte", "sub", "len", "char", "lower", NULL};
    for (const char *const *n = string_tools; *n; n++) {
        lua_getfield(L, 1, *n);
        lua_setfield(L, tools, *n);
    }
    lua_pushcfunction(L, guarded_plain_find);
    lua_setfield(L, tools, "plain_find");
    lua_pushcfunction(L, guarded_pcall);
    lua_setfield(L, tools, "pcall");
    lua_pushcfunction(L, guarded_tostring);
    lua_setfield(L, tools, "tostring");
    const char *const base_tools[] = {"error", "type", "tonumber", "select", NULL};
    for (const char *const *n = base_tools; *n; n++) {
        lua_getglobal(L, *n);
        lua_setfield(L, tools, *n);
    }
    lua_getfield(L, 2, "concat");
    lua_setfield(L, tools, "concat");
    load_trusted(L, source, length, "=regie.string");
    lua_pushvalue(L, tools);
    lua_call(L, 1, 1);  // returns {find=, match=, gmatch=, gsub=}
    luaL_checktype(L, -1, LUA_TTABLE);
    const char *const pattern_functions[] = {"find", "match", "gmatch", "gsub", NULL};
    for (const char *const *n = pattern_functions; *n; n++) {
        if (lua_getfield(L, -1, *n) != LUA_TFUNCTION) luaL_error(L, "the pattern source gives no %s", *n);
        lua_setfield(L, 1, *n);
    }
}

struct setup_args {
    struct regie_lua *s;
    const char *strings;
    size_t strings_len;
    const char *prelude;
    size_t prelude_len;
};

static int setup_entry(lua_State *L) {
    struct setup_args *a = lua_touserdata(L, 1);
    struct regie_lua *s = a->s;
    lua_settop(L, 0);

    luaL_requiref(L, LUA_GNAME, luaopen_base, 1);
    luaL_requiref(L, LUA_STRLIBNAME, luaopen_string, 1);
    luaL_requiref(L, LUA_TABLIBNAME, luaopen_table, 1);
    luaL_requiref(L, LUA_MATHLIBNAME, luaopen_math, 1);
    luaL_requiref(L, LUA_UTF8LIBNAME, luaopen_utf8, 1);
    lua_settop(L, 0);

    for (int i = 0; REMOVED[i][0]; i++) {
        lua_getglobal(L, REMOVED[i][0]);
        lua_pushnil(L);
        lua_setfield(L, -2, REMOVED[i][1]);
        lua_pop(L, 1);
    }
    lua_getglobal(L, "string");  // 1: the real string library, also reached through every string
    lua_getglobal(L, "table");   // 2
    s->original_rep = replace(L, 1, "rep", guarded_rep);
    s->original_format = replace(L, 1, "format", guarded_format);
    lua_getfield(L, 1, "find");
    s->original_find = lua_tocfunction(L, -1);
    lua_pop(L, 1);
    s->original_insert = replace(L, 2, "insert", guarded_insert);
    s->original_remove = replace(L, 2, "remove", guarded_remove);
    s->original_sort = replace(L, 2, "sort", guarded_sort);
    s->original_concat = replace(L, 2, "concat", guarded_concat);
    s->original_unpack = replace(L, 2, "unpack", guarded_unpack);
    s->original_move = replace(L, 2, "move", guarded_move);

    install_pattern_functions(L, a->strings, a->strings_len);
    lua_settop(L, 0);

    // Strings share one metatable; hide it so getmetatable("") cannot reach the library.
    lua_pushliteral(L, "");
    lua_getmetatable(L, -1);
    lua_pushliteral(L, "string");
    lua_setfield(L, -2, "__metatable");
    lua_settop(L, 0);

    // The writable table the prelude fills; afterwards only its read-only proxy is used.
    lua_newtable(L);
    int base = lua_gettop(L);
    for (const char *const *n = BASE_NAMES; *n; n++) {
        lua_getglobal(L, *n);
        lua_setfield(L, base, *n);
    }
    lua_pushcfunction(L, guarded_pcall);
    lua_setfield(L, base, "pcall");
    lua_pushcfunction(L, guarded_setmetatable);
    lua_setfield(L, base, "setmetatable");
    lua_pushcfunction(L, guarded_tostring);
    lua_setfield(L, base, "tostring");
    lua_pushcfunction(L, ordered_pairs);
    lua_setfield(L, base, "pairs");
    for (const char *const *n = LIBRARY_NAMES; *n; n++) {
        lua_getglobal(L, *n);
        push_readonly_proxy(L, -1);
        lua_setfield(L, base, *n);
        lua_pop(L, 1);
    }
    if (a->prelude_len > 0) run_source(L, a->prelude, a->prelude_len, "=prelude", base, 0);
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

regie_lua *regie_lua_open(size_t memory_limit, const char *strings, size_t strings_len,
                          const char *prelude, size_t prelude_len, char *message, size_t message_cap) {
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
    // Generational collection suits the sandbox: every call makes short-lived tables (the
    // snapshot, the plugin's table) and keeps nothing.
    // (Generational collection was tried: faster for plugin calls, slower for derived items.)
    struct setup_args a = {s, strings, strings_len, prelude, prelude_len};
    lua_pushcfunction(s->L, setup_entry);
    lua_pushlightuserdata(s->L, &a);
    int rc = lua_pcall(s->L, 1, 0, 0);
    if (rc != LUA_OK) {
        error_message(s->L, message, message_cap);
        regie_lua_close(s);
        return NULL;
    }
    return s;
}

void regie_lua_close(regie_lua *s) {
    if (!s) return;
    // No finalizers can exist (setmetatable refuses __gc), so closing runs no plugin code.
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
    s->stop = STOP_NONE;
    s->bad_value = 0;
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

/// Raises a Lua error for a value that cannot be transferred, marked so the caller reports it
/// as a bad value rather than a runtime error.
static int value_error(lua_State *L, const char *format, ...) {
    state_of(L)->bad_value = 1;
    va_list args;
    va_start(args, format);
    lua_pushvfstring(L, format, args);
    va_end(args);
    return lua_error(L);
}

// MARK: - Decoding arguments (runs protected)

struct reader {
    const uint8_t *p;
    const uint8_t *end;
};

static int read_bytes(lua_State *L, struct reader *r, void *dst, size_t n) {
    if ((size_t)(r->end - r->p) < n) return value_error(L, "truncated value");
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
    if ((size_t)(r->end - r->p) < n) value_error(L, "truncated string");
    lua_pushlstring(L, (const char *)r->p, n);
    r->p += n;
}

static void decode_value(lua_State *L, struct reader *r, int depth) {
    if (depth > MAX_DEPTH) value_error(L, "value nested too deeply");
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
    case 'L': {
        uint32_t n = read_u32(L, r);
        if ((size_t)(r->end - r->p) < n) value_error(L, "truncated value");
        struct reader inner = {r->p, r->p + n};
        decode_value(L, &inner, depth);
        if (inner.p != inner.end) value_error(L, "a sized value is not its size");
        r->p += n;
        break;
    }
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
    default: value_error(L, "unknown value tag %d", (int)tag);
    }
}

// MARK: - The case, read lazily (runs protected)

// A case snapshot is a map of about fifteen fields, and a hook or an expression reads a few of
// them. The top-level map is handed over as an empty table whose __index decodes a field from
// the encoded bytes when it is first read and keeps it (rawset), so a call pays only for what it
// reads. The bytes belong to the call; the table says which call (`generation`) and refuses
// to read once that call is over. `pairs` and the result encoder decode every field first.

static const char LAZY_START = 0, LAZY_LENGTH = 0, LAZY_GENERATION = 0;  // keys (by address) in the metatable

/// Walks over one encoded value without building it, checking its structure.
static void skip_value(lua_State *L, struct reader *r, int depth) {
    if (depth > MAX_DEPTH) value_error(L, "value nested too deeply");
    uint8_t tag;
    read_bytes(L, r, &tag, 1);
    switch (tag) {
    case 'n': case 't': case 'f': break;
    case 'i': case 'd':
        if (r->end - r->p < 8) value_error(L, "truncated value");
        r->p += 8;
        break;
    case 's': case 'L': {
        uint32_t n = read_u32(L, r);
        if ((size_t)(r->end - r->p) < n) value_error(L, "truncated value");
        r->p += n;
        break;
    }
    case 'a': {
        uint32_t n = read_u32(L, r);
        for (uint32_t i = 0; i < n; i++) skip_value(L, r, depth + 1);
        break;
    }
    case 'm': {
        uint32_t n = read_u32(L, r);
        for (uint32_t i = 0; i < n; i++) {
            uint32_t k = read_u32(L, r);
            if ((size_t)(r->end - r->p) < k) value_error(L, "truncated key");
            r->p += k;
            skip_value(L, r, depth + 1);
        }
        break;
    }
    default: value_error(L, "unknown value tag %d", (int)tag);
    }
}

/// The encoded map behind a lazy table at `index`, or 0 when it is not one. Raises when the call
/// that made it is over.
static int lazy_source(lua_State *L, int index, struct reader *r) {
    if (!lua_getmetatable(L, index)) return 0;
    if (lua_rawgetp(L, -1, &LAZY_START) != LUA_TLIGHTUSERDATA) {
        lua_pop(L, 2);
        return 0;
    }
    const uint8_t *start = lua_touserdata(L, -1);
    lua_rawgetp(L, -2, &LAZY_LENGTH);
    size_t length = (size_t)lua_tointeger(L, -1);
    lua_rawgetp(L, -3, &LAZY_GENERATION);
    long generation = (long)lua_tointeger(L, -1);
    lua_pop(L, 4);
    if (generation != state_of(L)->generation) luaL_error(L, "the case snapshot is only valid during the call that received it");
    r->p = start;
    r->end = start + length;
    return 1;
}

/// Decodes the field `key` of the encoded map into the lazy table at `index` and pushes it;
/// pushes nil when the map has no such field.
static void lazy_field(lua_State *L, int index, struct reader *r, const char *key, size_t key_length) {
    uint8_t tag;
    read_bytes(L, r, &tag, 1);
    uint32_t n = read_u32(L, r);
    for (uint32_t i = 0; i < n; i++) {
        uint32_t k = read_u32(L, r);
        if ((size_t)(r->end - r->p) < k) value_error(L, "truncated key");
        int match = k == key_length && memcmp(r->p, key, k) == 0;
        r->p += k;
        if (!match) {
            skip_value(L, r, 1);
            continue;
        }
        decode_value(L, r, 1);
        lua_pushlstring(L, key, key_length);
        lua_pushvalue(L, -2);
        lua_rawset(L, index);
        return;
    }
    lua_pushnil(L);
}

static int lazy_index(lua_State *L) {
    struct reader r;
    if (lua_type(L, 2) != LUA_TSTRING || !lazy_source(L, 1, &r)) return 0;
    size_t key_length;
    const char *key = lua_tolstring(L, 2, &key_length);
    lazy_field(L, 1, &r, key, key_length);
    return 1;
}

/// Decodes every field a lazy table at `index` has not read yet; nothing for other tables.
static void materialize(lua_State *L, int index) {
    index = lua_absindex(L, index);
    struct reader r;
    if (!lazy_source(L, index, &r)) return;
    struct reader keys = r;
    uint8_t tag;
    read_bytes(L, &keys, &tag, 1);
    uint32_t n = read_u32(L, &keys);
    for (uint32_t i = 0; i < n; i++) {
        uint32_t k = read_u32(L, &keys);
        if ((size_t)(keys.end - keys.p) < k) value_error(L, "truncated key");
        const char *key = (const char *)keys.p;
        keys.p += k;
        skip_value(L, &keys, 1);
        lua_pushlstring(L, key, k);
        int present = lua_rawget(L, index) != LUA_TNIL;
        lua_pop(L, 1);
        if (present) continue;
        struct reader field = r;
        lazy_field(L, index, &field, key, k);
        lua_pop(L, 1);
    }
}

/// Pushes the encoded value at `r`: a map as a lazy table, anything else decoded in full. A
/// sized map ('L') is passed over at once; a plain one is walked to find its end.
static void push_lazy(lua_State *L, struct reader *r) {
    const uint8_t *start = r->p, *end;
    if (r->end - r->p >= 6 && r->p[0] == 'L' && r->p[5] == 'm') {
        r->p += 1;
        uint32_t n = read_u32(L, r);
        if ((size_t)(r->end - r->p) < n) value_error(L, "truncated value");
        start = r->p;
        r->p += n;
        end = r->p;
    } else if (r->end - r->p >= 1 && r->p[0] == 'm') {
        skip_value(L, r, 0);
        end = r->p;
    } else {
        decode_value(L, r, 0);
        return;
    }
    lua_createtable(L, 0, 0);
    lua_createtable(L, 0, 5);
    lua_pushlightuserdata(L, (void *)start);
    lua_rawsetp(L, -2, &LAZY_START);
    lua_pushinteger(L, (lua_Integer)(end - start));
    lua_rawsetp(L, -2, &LAZY_LENGTH);
    lua_pushinteger(L, (lua_Integer)state_of(L)->generation);
    lua_rawsetp(L, -2, &LAZY_GENERATION);
    lua_pushcfunction(L, lazy_index);
    lua_setfield(L, -2, "__index");
    lua_pushliteral(L, "case");
    lua_setfield(L, -2, "__metatable");
    lua_setmetatable(L, -2);
}

// MARK: - Encoding results (runs protected)

static void out_append(lua_State *L, struct regie_lua *s, const void *bytes, size_t n) {
    if (s->out_len + n > MAX_RESULT_BYTES) value_error(L, "result is larger than %d bytes", MAX_RESULT_BYTES);
    if (s->out_len + n > s->out_cap) {
        size_t cap = s->out_cap ? s->out_cap : 256;
        while (cap < s->out_len + n) cap *= 2;
        uint8_t *p = realloc(s->out, cap);
        if (!p) value_error(L, "not enough memory for the result");
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
    if (depth > MAX_DEPTH) value_error(L, "result nested too deeply");
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
        materialize(L, index);
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
            value_error(L, "a table in the result mixes array and non-string keys");
        }
        break;
    }
    default: value_error(L, "a %s cannot be returned", luaL_typename(L, index));
    }
}

// MARK: - Calls

/// Binds a fresh environment to the chunk at `chunk` (its first upvalue is _ENV; every function
/// the chunk defines shares it), so that no global survives from one call to the next.
static void fresh_environment(lua_State *L, int chunk) {
    lua_newtable(L);
    lua_getfield(L, LUA_REGISTRYINDEX, KEY_ENV_META);
    lua_setmetatable(L, -2);
    if (!lua_setupvalue(L, chunk, 1)) lua_pop(L, 1);
}

static void push_chunk(lua_State *L, int reference) {
    if (lua_rawgeti(L, LUA_REGISTRYINDEX, reference) != LUA_TFUNCTION) luaL_error(L, "no compiled chunk with this reference");
}

struct call_args {
    struct regie_lua *s;
    int reference;
    const char *name;  // the global that holds the argument, or the hook to call
    const uint8_t *argument;
    size_t argument_length;
};

static int call_entry(lua_State *L) {
    struct call_args *a = lua_touserdata(L, 1);
    struct regie_lua *s = a->s;
    lua_settop(L, 0);
    push_chunk(L, a->reference);                      // 1: the chunk
    lua_newtable(L);                                  // 2: a fresh environment for this call
    lua_getfield(L, LUA_REGISTRYINDEX, KEY_ENV_META);
    lua_setmetatable(L, 2);
    struct reader r = {a->argument, a->argument + a->argument_length};
    push_lazy(L, &r);
    if (r.p != r.end) luaL_error(L, "trailing bytes after the argument");
    lua_setfield(L, 2, a->name);
    lua_pushvalue(L, 2);
    if (!lua_setupvalue(L, 1, 1)) lua_pop(L, 1);
    lua_settop(L, 1);
    lua_call(L, 0, 1);
    s->out_len = 0;
    encode_value(L, s, -1, 0);
    return 0;
}

/// Runs a plugin chunk and leaves the table it returns at the top of the stack.
static void instantiate(lua_State *L, int reference) {
    push_chunk(L, reference);
    int chunk = lua_gettop(L);
    fresh_environment(L, chunk);
    lua_call(L, 0, 1);
    if (lua_type(L, -1) != LUA_TTABLE) luaL_error(L, "the plugin file must return a table, not a %s", luaL_typename(L, -1));
}

static int describe_entry(lua_State *L) {
    struct call_args *a = lua_touserdata(L, 1);
    struct regie_lua *s = a->s;
    lua_settop(L, 0);
    instantiate(L, a->reference);          // 1: the plugin table
    lua_newtable(L);                       // 2: fields
    lua_newtable(L);                       // 3: function names
    lua_Integer functions = 0;
    lua_pushnil(L);
    while (lua_next(L, 1)) {
        if (lua_type(L, -2) != LUA_TSTRING) luaL_error(L, "the plugin table has a key that is not a name");
        if (lua_type(L, -1) == LUA_TFUNCTION) {
            lua_pop(L, 1);
            lua_pushvalue(L, -1);
            lua_rawseti(L, 3, ++functions);
        } else {
            lua_pushvalue(L, -2);
            lua_insert(L, -2);
            lua_rawset(L, 2);
        }
    }
    lua_pushcfunction(L, s->original_sort);
    lua_pushvalue(L, 3);
    lua_call(L, 1, 0);
    lua_createtable(L, 0, 2);
    lua_pushvalue(L, 2);
    lua_setfield(L, -2, "fields");
    lua_pushvalue(L, 3);
    lua_setfield(L, -2, "functions");
    s->out_len = 0;
    encode_value(L, s, -1, 0);
    return 0;
}

static int hook_entry(lua_State *L) {
    struct call_args *a = lua_touserdata(L, 1);
    struct regie_lua *s = a->s;
    lua_settop(L, 0);
    instantiate(L, a->reference);                     // 1: the plugin table
    lua_pushstring(L, a->name);
    if (lua_rawget(L, 1) != LUA_TFUNCTION) {          // 2: the hook
        lua_pushboolean(L, 0);
        return 1;
    }
    struct reader r = {a->argument, a->argument + a->argument_length};
    uint8_t tag;
    read_bytes(L, &r, &tag, 1);
    if (tag != 'a') luaL_error(L, "the arguments are not an array");
    uint32_t n = read_u32(L, &r);
    if (n > 8) luaL_error(L, "too many arguments");
    luaL_checkstack(L, (int)n + 4, "too many arguments");
    // The case and ctx are read lazily; the subject (a phase or a small move table) in full.
    for (uint32_t i = 0; i < n; i++) {
        if (i >= 1) push_lazy(L, &r);
        else decode_value(L, &r, 1);
    }
    if (r.p != r.end) luaL_error(L, "trailing bytes after the arguments");
    lua_call(L, (int)n, 2);  // a guard answers `false, reason`
    s->out_len = 0;
    out_tag(L, s, 'a');
    out_u32(L, s, 2);
    encode_value(L, s, -2, 0);
    encode_value(L, s, -1, 0);
    lua_pushboolean(L, 1);
    return 1;
}

struct test_args {
    struct regie_lua *s;
    int plugin, library, tests;
};

/// Runs a plugin's test file: the library chunk returns the test functions (describe, it,
/// expect, ...) and a `report` function; the test file runs with those and `plugin` (a fresh
/// instance of the plugin's table) as globals; the report is the result.
static int tests_entry(lua_State *L) {
    struct test_args *a = lua_touserdata(L, 1);
    lua_settop(L, 0);
    instantiate(L, a->plugin);   // 1: the plugin table
    instantiate(L, a->library);  // 2: the test library
    push_chunk(L, a->tests);     // 3: the test file
    lua_newtable(L);             // 4: its environment
    lua_getfield(L, LUA_REGISTRYINDEX, KEY_ENV_META);
    lua_setmetatable(L, 4);
    lua_pushnil(L);
    while (lua_next(L, 2)) {
        lua_pushvalue(L, -2);
        lua_insert(L, -2);
        lua_rawset(L, 4);
    }
    lua_pushvalue(L, 1);
    lua_setfield(L, 4, "plugin");
    if (lua_getfield(L, 2, "use_plugin") == LUA_TFUNCTION) {
        lua_pushvalue(L, 1);
        lua_call(L, 1, 0);
    } else {
        lua_pop(L, 1);
    }
    lua_pushvalue(L, 4);
    if (!lua_setupvalue(L, 3, 1)) lua_pop(L, 1);
    lua_pushvalue(L, 3);
    lua_call(L, 0, 0);
    if (lua_getfield(L, 2, "report") != LUA_TFUNCTION) luaL_error(L, "the test library has no report function");
    lua_call(L, 0, 1);
    a->s->out_len = 0;
    encode_value(L, a->s, -1, 0);
    return 0;
}

/// Runs `entry` under the budget and turns every way it can end into a status.
/// `args` is what `entry` finds as a light userdata at index 1.
static regie_lua_status run_protected(struct regie_lua *s, lua_CFunction entry, void *args,
                                      regie_lua_budget budget, int *found,
                                      const uint8_t **result, size_t *result_length, char *message, size_t message_cap) {
    lua_State *L = s->L;
    lua_settop(L, 0);
    begin_budget(s, budget);
    lua_pushcfunction(L, entry);
    lua_pushlightuserdata(L, args);
    int rc = lua_pcall(L, 1, 1, 0);
    lua_sethook(L, NULL, 0, 0);
    if (rc != LUA_OK) {
        regie_lua_status st = status_of(s, rc);
        if (st == REGIE_LUA_RUNTIME || st == REGIE_LUA_SYNTAX || st == REGIE_LUA_VALUE) error_message(L, message, message_cap);
        else {
            char text[256];
            snprintf(text, sizeof text, "%s%s", st == REGIE_LUA_MEMORY ? "" : s->stop_where,
                     stop_message(st == REGIE_LUA_MEMORY ? STOP_MEMORY : st == REGIE_LUA_DEADLINE ? STOP_DEADLINE : STOP_BUDGET));
            copy_message(message, message_cap, text);
        }
        lua_settop(L, 0);
        s->stop = STOP_NONE;
        s->bad_value = 0;
        return st;
    }
    if (found) *found = lua_toboolean(L, -1);
    lua_settop(L, 0);
    s->stop = STOP_NONE;
    *result = s->out;
    *result_length = s->out_len;
    return REGIE_LUA_OK;
}

regie_lua_status regie_lua_call(regie_lua *s, int reference, const char *name,
                                const uint8_t *argument, size_t argument_length, regie_lua_budget budget,
                                const uint8_t **result, size_t *result_length,
                                char *message, size_t message_cap) {
    struct call_args a = {s, reference, name, argument, argument_length};
    return run_protected(s, call_entry, &a, budget, NULL, result, result_length, message, message_cap);
}

regie_lua_status regie_lua_describe(regie_lua *s, int reference, regie_lua_budget budget,
                                    const uint8_t **result, size_t *result_length,
                                    char *message, size_t message_cap) {
    struct call_args a = {s, reference, NULL, NULL, 0};
    return run_protected(s, describe_entry, &a, budget, NULL, result, result_length, message, message_cap);
}

regie_lua_status regie_lua_run_tests(regie_lua *s, int plugin, int library, int tests, regie_lua_budget budget,
                                    const uint8_t **result, size_t *result_length,
                                    char *message, size_t message_cap) {
    struct test_args t = {s, plugin, library, tests};
    return run_protected(s, tests_entry, &t, budget, NULL, result, result_length, message, message_cap);
}

regie_lua_status regie_lua_call_hook(regie_lua *s, int reference, const char *hook,
                                     const uint8_t *arguments, size_t arguments_length, regie_lua_budget budget,
                                     const uint8_t **result, size_t *result_length,
                                     char *message, size_t message_cap) {
    struct call_args a = {s, reference, hook, arguments, arguments_length};
    int found = 0;
    regie_lua_status st = run_protected(s, hook_entry, &a, budget, &found, result, result_length, message, message_cap);
    if (st == REGIE_LUA_OK && !found) return REGIE_LUA_NO_HOOK;
    return st;
}

// MARK: - Reference evaluation (tests only)

struct reference_args {
    struct regie_lua *s;
    const char *source;
    size_t length;
};

static int reference_entry(lua_State *L) {
    struct reference_args *a = lua_touserdata(L, 1);
    lua_settop(L, 0);
    luaL_openlibs(L);
    if (luaL_loadbufferx(L, a->source, a->length, "=reference", "t") != LUA_OK) lua_error(L);
    lua_call(L, 0, LUA_MULTRET);
    int n = lua_gettop(L);
    lua_createtable(L, n, 0);
    for (int i = 1; i <= n; i++) {
        lua_pushvalue(L, i);
        lua_rawseti(L, -2, i);
    }
    a->s->out_len = 0;
    out_tag(L, a->s, 'a');
    out_u32(L, a->s, (uint32_t)n);
    for (int i = 1; i <= n; i++) encode_value(L, a->s, i, 0);
    return 0;
}

long regie_lua_reference_eval(const char *source, size_t length, uint8_t *out, size_t out_cap,
                              char *message, size_t message_cap) {
    struct regie_lua s = {0};
    s.limit = 64 << 20;
    s.L = lua_newstate(capped_alloc, &s);
    if (!s.L) return -1;
    struct reference_args a = {&s, source, length};
    lua_pushcfunction(s.L, reference_entry);
    lua_pushlightuserdata(s.L, &a);
    long written = -1;
    if (lua_pcall(s.L, 1, 0, 0) != LUA_OK) {
        error_message(s.L, message, message_cap);
    } else if (s.out_len <= out_cap) {
        memcpy(out, s.out, s.out_len);
        written = (long)s.out_len;
    } else {
        copy_message(message, message_cap, "the result does not fit");
    }
    lua_close(s.L);
    free(s.out);
    return written;
}
