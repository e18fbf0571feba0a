from intake.factories import ApplicationFactory, HostApplicationFactory


def application(programme, **fields):
    return ApplicationFactory(programme=programme, **fields)


__all__ = ["ApplicationFactory", "HostApplicationFactory", "application"]
