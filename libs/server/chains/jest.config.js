const { serverProject } = require('../../../jest.shared');

module.exports = serverProject('server-chains', __dirname);
