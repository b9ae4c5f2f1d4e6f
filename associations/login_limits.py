# Sessions opened before the login limit moved to accounts/ name this path as their backend;
# it stays, finding their users, until settings stop listing it.
from accounts.login_limits import EarlierSessionBackend as ThrottledModelBackend  # noqa: F401
