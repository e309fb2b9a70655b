#ifndef REGIE_LUA_H
#define REGIE_LUA_H

#include <stddef.h>
#include <stdint.h>

/// Status of a call into the sandbox. Every entry point returns one of these and never lets a
/// Lua error (a longjmp) escape to its caller.
typedef enum {
    REGIE_LUA_OK = 0,
    REGIE_LUA_SYNTAX = 1,
    REGIE_LUA_RUNTIME = 2,
    REGIE_LUA_MEMORY = 3,
    REGIE_LUA_BUDGET = 4,
    REGIE_LUA_VALUE = 5,    /* a value could not be transferred (bad encoding, too deep, wrong type) */
    REGIE_LUA_DEADLINE = 6, /* the call ran past its wall-clock deadline */
    REGIE_LUA_NO_HOOK = 7,  /* the plugin has no function under the hook's name */
} regie_lua_status;

/// What one call may spend: VM instructions (C library functions that loop are charged too)
/// and wall-clock milliseconds.
typedef struct {
    long instructions;
    long milliseconds;
} regie_lua_budget;

/// An opaque sandboxed Lua state. Single-threaded: one owner at a time.
typedef struct regie_lua regie_lua;

/// Creates a sandboxed state whose allocations are capped at `memory_limit` bytes.
/// `strings` (Lua source) is run with the original string functions and returns replacements
/// for `find`, `match`, `gmatch` and `gsub` that run as Lua code, so that the instruction
/// budget covers pattern matching. `prelude` (Lua source) defines helpers in the sandbox's
/// base environment. Returns NULL when the state cannot be created; `message` then says why.
regie_lua *regie_lua_open(size_t memory_limit, const char *strings, size_t strings_len,
                          const char *prelude, size_t prelude_len, char *message, size_t message_cap);

void regie_lua_close(regie_lua *state);

/// Compiles source text (never binary chunks) and keeps it in the state.
/// Returns a reference >= 0, or -1 with `status` and `message` set.
int regie_lua_compile(regie_lua *state, const char *chunk_name, const char *source, size_t length,
                      regie_lua_status *status, char *message, size_t message_cap);

/// Calls a compiled chunk in a fresh environment whose global `name` holds the decoded
/// argument. On success the chunk's first result is encoded into a buffer owned by the state
/// (valid until the next call) and `*result`/`*result_length` point at it.
regie_lua_status regie_lua_call(regie_lua *state, int reference, const char *name,
                                const uint8_t *argument, size_t argument_length, regie_lua_budget budget,
                                const uint8_t **result, size_t *result_length,
                                char *message, size_t message_cap);

/// Runs a plugin chunk in a fresh environment and describes the table it returns:
/// `{fields = {key = plain value, ...}, functions = {"name", ...}}` (function names sorted).
regie_lua_status regie_lua_describe(regie_lua *state, int reference, regie_lua_budget budget,
                                    const uint8_t **result, size_t *result_length,
                                    char *message, size_t message_cap);

/// Runs a plugin chunk in a fresh environment (so nothing survives from an earlier call) and
/// calls the function under `hook` in the table it returns, with the values of the encoded
/// array `arguments` as its arguments. The result is an array of the hook's first two results.
/// Returns REGIE_LUA_NO_HOOK when there is no such function.
regie_lua_status regie_lua_call_hook(regie_lua *state, int reference, const char *hook,
                                     const uint8_t *arguments, size_t arguments_length, regie_lua_budget budget,
                                     const uint8_t **result, size_t *result_length,
                                     char *message, size_t message_cap);

/// Runs a plugin's own tests (see RegieLua/PluginTestLibrary.swift): `plugin`, `library` and
/// `tests` are compiled chunks. The result is the library's report.
regie_lua_status regie_lua_run_tests(regie_lua *state, int plugin, int library, int tests, regie_lua_budget budget,
                                    const uint8_t **result, size_t *result_length,
                                    char *message, size_t message_cap);

/// For tests only: evaluates `source` in a plain, unsandboxed Lua state with Lua's own string
/// library, so the sandbox's pattern functions can be compared with the real ones. The result
/// (the chunk's results as one array) is written into `out` (at most `out_cap` bytes); returns
/// the number of bytes, or -1 with `message` set.
long regie_lua_reference_eval(const char *source, size_t length, uint8_t *out, size_t out_cap,
                              char *message, size_t message_cap);

/// Bytes the state has allocated now.
size_t regie_lua_memory_in_use(const regie_lua *state);

#endif
