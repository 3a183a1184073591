#include "CredentialStore.h"
